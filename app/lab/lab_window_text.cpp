// The server lab window's words, set again when the language changes.
#include "app/lab/lab_window.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSpinBox>

namespace finwave::app {

void LabWindow::retranslate() {
    setWindowTitle(tr("Server lab"));
    // In the order of core/lab's presets.
    const QString presets[] = {tr("Client closes first, 500/s"), tr("Server closes first"),
                               tr("Keep-alive, 10 requests"), tr("tcp_tw_reuse = 1"),
                               tr("SO_LINGER 0 (reset)"), tr("Two server addresses"),
                               tr("Bucket overflow (10 000)"), tr("Restart without SO_REUSEADDR")};
    for (int i = 0; i < m_preset->count() && i < static_cast<int>(std::size(presets)); ++i)
        m_preset->setItemText(i, presets[i]);
    m_profile->setItemText(0, tr("linux (TIME_WAIT 60 s)"));
    m_profile->setItemText(1, tr("rfc (TIME_WAIT 240 s)"));
    const QString closers[] = {tr("the client"), tr("the server"), tr("both at once"), tr("the client, SO_LINGER 0"),
                               tr("the server, SO_LINGER 0")};
    for (int i = 0; i < 5; ++i)
        m_closer->setItemText(i, closers[i]);
    m_arrivals->setItemText(0, tr("evenly spaced"));
    m_arrivals->setItemText(1, tr("Poisson"));
    m_twReuse->setItemText(0, tr("0: off"));
    m_twReuse->setItemText(1, tr("1: on"));
    m_twReuse->setItemText(2, tr("2: loopback only (off here)"));
    m_timestamps->setText(tr("on"));
    m_rate->setSuffix(tr(" /s"));
    m_delay->setSuffix(tr(" ms"));
    m_loss->setSuffix(QStringLiteral(" %"));
    m_duration->setSuffix(tr(" s"));
    m_restart->setSuffix(tr(" s"));
    m_restart->setSpecialValueText(tr("never"));
    m_reuseAddr->setText(tr("on"));
    const QString labels[] = {tr("Preset"), tr("Profile"), tr("Requests"), tr("Requests per connection"), tr("Closes first"),
                              tr("Arrivals"), tr("Client addresses"), tr("Server addresses"), tr("Server ports"),
                              tr("Lowest source port"), tr("Highest source port"), tr("tcp_tw_reuse"), tr("Timestamps"),
                              tr("tcp_max_tw_buckets"), tr("One-way delay"), tr("Loss"), tr("Server restarts at"), tr("SO_REUSEADDR"),
                              tr("Simulated time"), tr("Seed")};
    for (int i = 0; i < static_cast<int>(std::size(labels)); ++i) {
        QLayoutItem* labelItem = m_form->itemAt(i, QFormLayout::LabelRole);
        QLayoutItem* fieldItem = m_form->itemAt(i, QFormLayout::FieldRole);
        auto* label = labelItem ? qobject_cast<QLabel*>(labelItem->widget()) : nullptr;
        if (!label || !fieldItem || !fieldItem->widget())
            continue;
        label->setText(labels[i]);
        label->setBuddy(fieldItem->widget());
        fieldItem->widget()->setAccessibleName(labels[i]);  // a screen reader says what it sets
    }
    m_run->setText(tr("&Run"));
    m_stop->setText(tr("Cancel"));
    m_open->setText(tr("&Open in the main window"));
    m_connection->setPrefix(tr("Connection "));
    m_connection->setAccessibleName(tr("Connection to open"));
    m_notable->setAccessibleName(tr("Connections worth opening"));
    m_progress->setAccessibleName(tr("Simulated seconds done"));
    // The form as wide as its widest row in this language, so no choice is cut.
    m_scroll->widget()->adjustSize();
    m_scroll->setMinimumWidth(m_scroll->widget()->sizeHint().width() + m_scroll->verticalScrollBar()->sizeHint().width() + 4);
    redraw();
}

}  // namespace finwave::app
