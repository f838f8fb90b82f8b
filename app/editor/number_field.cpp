#include "app/editor/number_field.h"

#include "app/text/scenario_error_text.h"

#include <QEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include <cmath>

namespace finwave::app {

NumberField::NumberField(const QString& key, NumberRule rule, Unit unit, QWidget* parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_message(new QLabel(this)), m_key(key), m_rule(rule), m_unit(unit) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(1);
    layout->addWidget(m_edit);
    layout->addWidget(m_message);
    m_message->setWordWrap(true);
    m_message->setVisible(false);
    m_edit->setObjectName(key);
    setFocusProxy(m_edit);
    connect(m_edit, &QLineEdit::textChanged, this, &NumberField::onText);
}

void NumberField::setKey(const QString& key) { m_key = key; }

double NumberField::normalized(double v) const {
    switch (m_unit) {
    case Unit::Millis: return static_cast<double>(microsFromMillis(v)) / 1000.0;
    case Unit::Integer: return std::trunc(v);  // the reader's static_cast to an integer
    case Unit::Real: break;
    }
    return v;
}

QString NumberField::format(double v) const {
    if (m_unit == Unit::Integer)
        return QString::number(static_cast<qint64>(v));
    return QString::number(v, 'g', 15);
}

void NumberField::showValue(double value, bool keepInvalid) {
    m_shown = value;
    if (m_error ? keepInvalid : (m_value == value && !m_edit->text().isEmpty()))
        return;
    const QSignalBlocker block(m_edit);
    m_edit->setText(format(value));
    m_value = value;
    const bool was = isValid();
    m_error.reset();
    showState();
    if (was != isValid())
        Q_EMIT validityChanged();
}

void NumberField::onText() {
    const bool was = isValid();
    const NumberEntry entry = readNumberText(m_key.toStdString(), m_edit->text().toStdString(), m_rule);
    m_error = entry.error;
    if (!m_error)
        m_value = normalized(entry.value);
    showState();
    if (was != isValid())
        Q_EMIT validityChanged();
    if (!m_error && m_value != m_shown)
        Q_EMIT edited(m_value);
}

void NumberField::setCrossError(const std::optional<ScenarioError>& error) {
    const bool was = isValid();
    m_other = error;
    showState();
    if (was != isValid())
        Q_EMIT validityChanged();
}

QString NumberField::message() const {
    if (m_error)
        return scenarioErrorReason(*m_error);
    return m_other ? scenarioErrorReason(*m_other) : QString();
}

void NumberField::showState() {
    const QString text = message();
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    // A red frame and red text: and the words themselves, so colour is not the only cue.
    m_edit->setStyleSheet(text.isEmpty() ? QString() : QStringLiteral("QLineEdit { border: 2px solid #c00000; }"));
    m_message->setStyleSheet(text.isEmpty() ? QString() : QStringLiteral("color: #b00000;"));
    m_edit->setToolTip(text);
}

void NumberField::changeEvent(QEvent* event) {
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        showState();
}

}  // namespace finwave::app
