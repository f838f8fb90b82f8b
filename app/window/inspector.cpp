#include "app/window/inspector.h"
#include "app/views/theme.h"

#include "app/text/reason_text.h"
#include "app/window/sim_controller.h"

#include <QEvent>

namespace finwave::app {

Inspector::Inspector(SimController* controller, QWidget* parent) : QTextBrowser(parent), m_ctl(controller) {
    // Lines break between words only: "ESTABLISHED" is never split as "ESTABLISHE / D" in a narrow dock.
    setWordWrapMode(QTextOption::WordWrap);
    connect(controller, &SimController::stepChanged, this, &Inspector::refresh);
    connect(controller, &SimController::scenarioLoaded, this, &Inspector::refresh);
    connect(controller, &SimController::paramsChanged, this, &Inspector::refresh);
    // Paused or scrubbed mid-flight, the timers' time left is counted from the cursor, as the
    // diagram counts it (while playing, each step refreshes).
    connect(controller, &SimController::displayTimeChanged, this, [this] {
        if (!m_ctl->isPlaying())
            refresh();
    });
    connect(controller, &SimController::playingChanged, this, &Inspector::refresh);
    connect(controller, &SimController::timesHiddenChanged, this, &Inspector::refresh);
    refresh();
}

void Inspector::setTheme(const Theme& theme) {
    m_sideA = theme.sideA;
    m_sideB = theme.sideB;
    refresh();
}

void Inspector::refresh() {
    const Simulator& sim = m_ctl->sim();
    const TcbView t[2] = {sim.tcb(Side::A), sim.tcb(Side::B)};
    const auto rel = [](std::uint32_t v, std::uint32_t base) {
        return QStringLiteral("%1 <span style='color:#555'>(%2)</span>").arg(v - base).arg(v);
    };
    QString html = QStringLiteral("<table cellspacing=0 cellpadding=3 width='100%'><tr><th></th>"
                                  "<th style='color:%1'>A</th><th style='color:%2'>B</th></tr>")
                    .arg(m_sideA.name(), m_sideB.name());
    const auto row = [&](const QString& name, const QString& a, const QString& b) {
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td><td>%3</td></tr>").arg(name, a, b);
    };
    row(tr("State"), QString::fromUtf8(stateName(t[0].state).data()), QString::fromUtf8(stateName(t[1].state).data()));
    // What the application is doing: blocked in a call, or done with the socket.
    const auto app = [&](const TcbView& v) {
        QString s = v.appClosed ? tr("has closed its socket")
                    : v.appWaitingIn != SocketCall::None
                        ? tr("in %1() since %2").arg(QString::fromUtf8(socketCallName(v.appWaitingIn).data()),
                                                     formatTime(v.appWaitingSince, sim.timeGrain()))
                        : tr("not in a call");
        if (v.appPendingError != SocketError::None)
            s += QStringLiteral("<br>") + tr("its next call fails with %1").arg(QString::fromUtf8(socketErrorName(v.appPendingError).data()));
        return s;
    };
    row(tr("Application"), app(t[0]), app(t[1]));
    row(QStringLiteral("ISS"), QString::number(t[0].iss), QString::number(t[1].iss));
    row(QStringLiteral("SND.UNA"), rel(t[0].sndUna, t[0].iss), rel(t[1].sndUna, t[1].iss));
    row(QStringLiteral("SND.NXT"), rel(t[0].sndNxt, t[0].iss), rel(t[1].sndNxt, t[1].iss));
    row(QStringLiteral("RCV.NXT"), rel(t[0].rcvNxt, t[1].iss), rel(t[1].rcvNxt, t[0].iss));
    row(tr("Unsent bytes"), QString::number(t[0].unsentBytes), QString::number(t[1].unsentBytes));
    row(tr("Unread bytes"), QString::number(t[0].unreadBytes), QString::number(t[1].unreadBytes));
    row(tr("Read by the application"), QString::number(t[0].deliveredBytes), QString::number(t[1].deliveredBytes));
    const auto rto = [&](int i) {  // the RTX timer's length: hidden while a quiz asks when it fires
        return m_ctl->timesHidden() ? QStringLiteral("?") : formatTime(t[i].rto, m_ctl->sim().timeGrain());
    };
    row(QStringLiteral("RTO"), rto(0), rto(1));
    // The send window (RFC 9293 §3.8.6; RFC 5681): what may be in flight is the smaller of the
    // congestion window and the window the peer advertised.
    const auto bytes = [](std::uint32_t v) { return tr("%n byte(s)", "window", static_cast<int>(v)); };
    row(tr("Congestion window"), bytes(t[0].cwnd), bytes(t[1].cwnd));
    row(tr("Slow-start threshold"), bytes(t[0].ssthresh), bytes(t[1].ssthresh));
    row(QStringLiteral("SND.WND"), bytes(t[0].sndWnd), bytes(t[1].sndWnd));
    row(QStringLiteral("RCV.WND"), bytes(t[0].rcvWnd), bytes(t[1].rcvWnd));
    row(tr("Retransmissions of the first segment"), QString::number(t[0].retries), QString::number(t[1].retries));
    const auto queue = [&](int i) {
        QStringList items;
        for (const Segment& s : t[i].retransmissionQueue)
            items << segmentLabel(sim, s).toHtmlEscaped();
        return items.isEmpty() ? tr("empty") : items.join(QStringLiteral("<br>"));
    };
    row(tr("Retransmission queue"), queue(0), queue(1));
    const auto timers = [&](int i) {
        QStringList items;
        for (const TimerView& v : t[i].timers)  // a quiz asking when a timer fires hides the time left
            items << tr("%1: %2 left").arg(QString::fromUtf8(timerName(v.kind).data()),
                                           m_ctl->timesHidden() ? QStringLiteral("?")
                                                                : formatTime(std::max<Micros>(0, v.deadline - m_ctl->displayTime()), m_ctl->sim().timeGrain()));
        return items.isEmpty() ? tr("none") : items.join(QStringLiteral("<br>"));
    };
    row(tr("Running timers"), timers(0), timers(1));
    html += QStringLiteral("</table>");
    // Why the last segment was sent.
    const Trace& trace = sim.trace();
    for (std::size_t i = trace.size(); i-- > 0;) {
        if (trace[i].kind == EventKind::Send) {
            html += QStringLiteral("<p><b>%1</b> %2<br><i>%3</i> <span style='color:#555'>[%4]</span></p>")
                        .arg(tr("Last segment:"), recordSummary(sim, trace[i]).toHtmlEscaped(),
                             reasonSentence(trace[i].reason).toHtmlEscaped(),
                             ruleText(trace[i].reason));
            break;
        }
    }
    setHtml(html);
}

void Inspector::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QTextBrowser::changeEvent(event);
}

}  // namespace finwave::app
