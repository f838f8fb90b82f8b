#include "app/window/packet_details.h"

#include "app/text/reason_text.h"
#include "app/window/capture_dialogs.h"
#include "app/window/sim_controller.h"
#include "core/capture/reconstruct.h"

#include <QCheckBox>
#include <QEvent>
#include <QLabel>
#include <QSettings>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace finwave::app {

namespace {

QString sideText(Side s) { return QString::fromUtf8(sideName(s).data()); }

// A number as the toggle asks: relative first with the absolute one after it, or the other way.
QString numberText(std::uint32_t relative, std::uint32_t absolute, bool absoluteFirst) {
    return absoluteFirst ? PacketDetails::tr("%1 (relative %2)").arg(absolute).arg(relative)
                         : PacketDetails::tr("%1 (absolute %2)").arg(relative).arg(absolute);
}

}  // namespace

PacketDetails::PacketDetails(SimController* controller, QWidget* parent) : QWidget(parent), m_ctl(controller) {
    auto* layout = new QVBoxLayout(this);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    m_absolute = new QCheckBox(this);
    m_absolute->setChecked(QSettings().value(QStringLiteral("details/absolute"), false).toBool());
    // Rich text, not a tree widget: a long value (a reason, a rule) wraps in a narrow dock.
    m_view = new QTextBrowser(this);
    m_view->setOpenLinks(false);
    layout->addWidget(m_hint);
    layout->addWidget(m_absolute);
    layout->addWidget(m_view, 1);
    connect(m_absolute, &QCheckBox::toggled, this, [this](bool on) {
        QSettings().setValue(QStringLiteral("details/absolute"), on);
        refresh();
    });
    // A new run, or a step back past the shown segment: nothing or less to show.
    connect(m_ctl, &SimController::scenarioLoaded, this, [this] {
        m_record.reset();
        refresh();
    });
    connect(m_ctl, &SimController::stepChanged, this, &PacketDetails::refresh);
    refresh();
}

void PacketDetails::showRecord(std::size_t record) {
    const SegmentRecords life = segmentRecords(m_ctl->sim().trace(), record);
    if (!life.send && !life.end)
        return;
    m_record = record;
    refresh();
}

void PacketDetails::setAbsolute(bool absolute) { m_absolute->setChecked(absolute); }

void PacketDetails::add(const QString& field, const QString& value, int depth) { m_rows.push_back(Row{depth, field, value}); }

// Field names in a column of their own, a part's name indented under its row's.
void PacketDetails::render() {
    QString html;
    for (const Row& r : m_rows)  // the heading, across the whole width
        if (r.depth < 0)
            html += QStringLiteral("<p><b>%1</b></p>").arg(r.value.toHtmlEscaped());
    html += QStringLiteral("<table cellspacing='0' cellpadding='2'>");
    for (const Row& r : m_rows)
        if (r.depth >= 0)
            html += QStringLiteral("<tr><td style='padding-left:%1px'>%2</td><td>%3</td></tr>")
                    .arg(4 + 16 * r.depth)
                    .arg(r.depth ? r.field.toHtmlEscaped() : QStringLiteral("<b>%1</b>").arg(r.field.toHtmlEscaped()),
                         r.value.toHtmlEscaped());
    m_view->setHtml(html + QStringLiteral("</table>"));
}

void PacketDetails::refresh() {
    m_rows.clear();
    m_absolute->setText(tr("Absolute sequence numbers"));
    const Simulator& sim = m_ctl->sim();
    const Trace& trace = sim.trace();
    if (m_record && *m_record >= trace.size())
        m_record.reset();
    m_hint->setText(m_record ? QString()
                             : tr("Click a segment's arrow in the diagram, or a row of the event log, to see every field of its header."));
    m_hint->setVisible(!m_record);
    m_view->setVisible(m_record.has_value());
    if (!m_record)
        return render();
    const SegmentRecords life = segmentRecords(trace, *m_record);
    const TraceRecord& first = trace[life.send ? *life.send : *life.end];
    const Segment& s = first.seg;
    const bool abs = m_absolute->isChecked();

    addFlight(life);

    add(tr("Flags"), QStringLiteral("0x%1 (%2)")
                         .arg(s.flags, 3, 16, QLatin1Char('0'))
                         .arg(QString::fromStdString(flagsText(s.flags)).replace(QLatin1Char(','), QStringLiteral(", "))));
    const std::pair<std::uint8_t, const char*> bits[] = {{flag::Syn, "SYN"}, {flag::Fin, "FIN"}, {flag::Rst, "RST"},
                                                         {flag::Psh, "PSH"}, {flag::Ack, "ACK"}};
    for (const auto& [bit, name] : bits)
        add(QString::fromLatin1(name), s.has(bit) ? tr("set") : tr("not set"), 1);

    const std::uint32_t relSeq = sim.relativeSeq(s);
    add(tr("Sequence number"), numberText(relSeq, s.seq, abs));
    add(tr("Next sequence number"), numberText(relSeq + s.seqSpace(), s.seq + s.seqSpace(), abs));
    add(tr("Acknowledgment number"),
        s.has(flag::Ack) ? numberText(sim.relativeAck(s), s.ack, abs) : tr("not set (no ACK flag)"));
    add(tr("Window"), windowText(s));
    add(tr("Payload"), tr("%1 bytes").arg(s.len));
    add(tr("Segment length (SEG.LEN)"),
        tr("%1: the data, plus one for a SYN and one for a FIN (RFC 9293 §3.4)").arg(s.seqSpace()));
    addOptions(first);
    add(tr("Copy"), s.isRetransmission() ? tr("retransmission #%1").arg(s.transmission) : tr("first transmission"));
    if (life.send) {
        const TraceRecord& send = trace[*life.send];
        add(tr("Why it was sent"), reasonSentence(send.reason));
        add(tr("Rule"), ruleText(send.reason), 1);
    }
    if (const capture::Reconstruction* run = m_ctl->capture(); run && life.send) {
        const std::size_t i = *life.send;
        const std::uint64_t packet = s.id >= 1 && s.id <= run->packetOf.size() ? run->packetOf[s.id - 1] : 0;
        add(tr("In the capture"),
            packet ? tr("packet %1 of the file").arg(packet)
                   : tr("not in the file: %1").arg(inferredText(i < run->inferred.size() ? run->inferred[i] : capture::Inferred::NotCaptured)));
    }
    render();
}

// Who sent it, when and in which state, and what became of it as far as the run has gone (a
// segment still flying is not foretold).
void PacketDetails::addFlight(const SegmentRecords& life) {
    const Simulator& sim = m_ctl->sim();
    const Trace& trace = sim.trace();
    const Segment& s = trace[life.send ? *life.send : *life.end].seg;
    const Side from = senderOf(s.dir), to = receiverOf(s.dir);
    const Micros grain = sim.timeGrain();
    add(tr("Segment"), tr("%1 → %2 · %3").arg(sideText(from), sideText(to), segmentLabel(sim, s)), -1);
    if (life.send) {
        const TraceRecord& send = trace[*life.send];
        const TcpState state = from == Side::A ? send.stateA : send.stateB;
        add(tr("Sent"), tr("by %1 at %2, in %3").arg(sideText(from), formatTime(send.t, grain),
                                                             QString::fromUtf8(stateName(state).data())));
    }
    const TraceRecord* end = life.end ? &trace[*life.end] : nullptr;
    const bool lateCopy = trace[*m_record].kind == EventKind::Arrive && trace[*m_record].reason == Reason::DuplicateDelivered;
    if (lateCopy)
        end = &trace[*m_record];
    QString outcome = tr("in flight");
    if (end && end->kind == EventKind::Arrive)
        outcome = lateCopy ? tr("an old copy of it reached %1 at %2").arg(sideText(to), formatTime(end->t, grain))
                           : tr("reached %1 at %2").arg(sideText(to), formatTime(end->t, grain));
    else if (end)
        outcome = tr("lost at %1: %2").arg(formatTime(end->t, grain), reasonSentence(end->reason));
    add(tr("What became of it"), outcome);
}

QString PacketDetails::windowText(const Segment& s) const {
    const capture::Reconstruction* run = m_ctl->capture();
    if (!run)
        return tr("%1 bytes").arg(s.wnd);
    const std::optional<std::uint8_t> shift = capture::windowShift(*run, s);
    if (!shift)
        return tr("%1 (the scale is not known: the capture lacks a SYN)").arg(s.wnd);
    if (*shift == 0)
        return tr("%1 bytes, not scaled").arg(s.wnd);
    return tr("%1 × %2 = %3 bytes (window scale %4, RFC 7323 §2.3)")
        .arg(s.wnd)
        .arg(1u << *shift)
        .arg(static_cast<qulonglong>(s.wnd) << *shift)
        .arg(*shift);
}

void PacketDetails::addOptions(const TraceRecord& r) {
    const Segment& s = r.seg;
    const SegmentOptions& o = r.opts;
    add(tr("Options"), s.options ? QString() : tr("none"));
    if (s.carries(option::Mss))
        add(tr("Maximum segment size"), tr("%1 bytes (RFC 9293 §3.7.1)").arg(o.mss), 1);
    if (s.carries(option::SackPermitted))
        add(tr("SACK permitted"), tr("offered (RFC 2018 §2)"), 1);
    if (s.carries(option::Timestamps))
        add(tr("Timestamps"), tr("TSval %1, TSecr %2 (RFC 7323 §3)").arg(o.tsVal).arg(o.tsEcr), 1);
    if (s.carries(option::WindowScale))
        add(tr("Window scale"), tr("shift %1, × %2 (RFC 7323 §2)").arg(o.windowScale).arg(1u << std::min<int>(o.windowScale, 14)), 1);
    if (s.carries(option::Sack)) {
        // The block is in the peer's sequence space, as the acknowledgment number is.
        const std::uint32_t base = s.has(flag::Ack) ? s.ack - m_ctl->sim().relativeAck(s) : 0;
        const bool dsack = static_cast<std::int32_t>(o.sackRight - s.ack) <= 0;
        add(dsack ? tr("D-SACK block") : tr("SACK block"),
            (dsack ? tr("%1–%2: a duplicate arrived (RFC 2883)") : tr("%1–%2 (RFC 2018 §3)"))
                .arg(m_absolute->isChecked() ? o.sackLeft : o.sackLeft - base)
                .arg(m_absolute->isChecked() ? o.sackRight : o.sackRight - base),
            1);
    }
}

QString PacketDetails::text() const {
    QString out;
    for (const Row& r : m_rows)
        out += QString(std::max(r.depth, 0) * 2, QLatin1Char(' ')) + r.field + QStringLiteral(": ") + r.value + QLatin1Char('\n');
    return out;
}

void PacketDetails::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

}  // namespace finwave::app
