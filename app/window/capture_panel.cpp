#include "app/window/capture_panel.h"

#include "app/window/sim_controller.h"
#include "core/capture/reconstruct.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace finwave::app {

namespace {

QString milliseconds(Micros t) { return CapturePanel::tr("%1 ms").arg(static_cast<double>(t) / 1000.0, 0, 'f', 3); }

QString offerText(const capture::SynOffer& o) {
    if (!o.seen)
        return CapturePanel::tr("its SYN is not in the capture");
    QStringList parts;
    if (o.mss)
        parts << CapturePanel::tr("MSS %1").arg(o.mss);
    if (o.sackPermitted)
        parts << CapturePanel::tr("SACK-permitted");
    if (o.timestamps)
        parts << CapturePanel::tr("timestamps");
    if (o.windowScale)
        parts << CapturePanel::tr("window scale %1").arg(*o.windowScale);
    return parts.isEmpty() ? CapturePanel::tr("no options") : parts.join(QStringLiteral(" · "));
}

}  // namespace

CapturePanel::CapturePanel(SimController* controller, QWidget* parent) : QWidget(parent), m_ctl(controller) {
    auto* outer = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setWordWrap(true);
    outer->addWidget(m_intro);
    m_form = new QFormLayout;
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    outer->addLayout(m_form);
    outer->addStretch(1);
    connect(m_ctl, &SimController::scenarioLoaded, this, &CapturePanel::refresh);
    refresh();
}

void CapturePanel::refresh() {
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_intro->setText(tr("What the capture tells. It happened: nothing here can be changed."));
    const capture::Reconstruction* run = m_ctl->capture();
    if (!run)
        return;
    const Simulator& sim = m_ctl->sim();
    const auto row = [this](const QString& label, const QString& value) {
        auto* v = new QLabel(value, this);
        v->setWordWrap(true);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_form->addRow(label, v);
    };
    const capture::Endpoint& near = run->near == Side::A ? run->endpointA : run->endpointB;
    row(tr("Captured at"), tr("%1's end, %2").arg(run->near == Side::A ? QStringLiteral("A") : QStringLiteral("B"),
                                                  QString::fromStdString(near.text())));
    row(tr("Round trip"), tr("%1, estimated").arg(milliseconds(run->roundTrip)));
    row(tr("Shortest flight"), tr("A→B %1 · B→A %2").arg(milliseconds(sim.scenario().ab.delay), milliseconds(sim.scenario().ba.delay)));
    int captured = 0, added = 0, lost = 0;
    for (std::size_t i = 0; i < run->trace.size(); ++i) {
        const TraceRecord& r = run->trace[i];
        if (r.kind == EventKind::Send)
            ++(run->inferred[i] == capture::Inferred::NotCaptured ? added : captured);
        lost += r.kind == EventKind::Drop;
    }
    row(tr("Segments"), tr("%1 captured; %2 not captured but sent; %3 lost").arg(captured).arg(added).arg(lost));
    row(tr("A's SYN offered"), offerText(run->offerA));
    row(tr("B's SYN offered"), offerText(run->offerB));
    row(tr("SACK"), run->sackInUse ? tr("in use: Linux sends a tail-loss probe for a lost last segment")
                                   : tr("not in use: a lost last segment waits for the retransmission timer"));
    row(tr("Timestamps"), run->timestampsInUse ? tr("in use (RFC 7323)") : tr("not in use"));
    row(tr("Hosts"), run->looksLikeLinux() ? tr("Linux, by the order of the SYN options")
                                           : tr("not known from the SYN options"));
    row(tr("Assumed"), tr("TIME_WAIT lasts %1 (Linux's TCP_TIMEWAIT_LEN); RST in TIME_WAIT %2")
                           .arg(tr("%1 s").arg(static_cast<double>(run->assumed.timeWait) / kSec))
                           .arg(run->assumed.rfc1337 ? tr("ignored (RFC 1337)") : tr("closes it")));
}

QList<QPair<QString, QString>> CapturePanel::rows() const {
    QList<QPair<QString, QString>> out;
    for (int i = 0; i < m_form->rowCount(); ++i) {
        auto* label = qobject_cast<QLabel*>(m_form->itemAt(i, QFormLayout::LabelRole)->widget());
        auto* value = qobject_cast<QLabel*>(m_form->itemAt(i, QFormLayout::FieldRole)->widget());
        out.append({label ? label->text() : QString(), value ? value->text() : QString()});
    }
    return out;
}

void CapturePanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

}  // namespace finwave::app
