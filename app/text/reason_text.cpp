#include "app/text/reason_text.h"

#include <QCoreApplication>

#include <cmath>

namespace finwave::app {

QString reasonSentence(Reason reason) {
    switch (reason) {
    case Reason::AppListen:
        return QCoreApplication::translate("Reason", "The application opens a passive endpoint: it will accept a SYN (passive OPEN).");
    case Reason::AppConnect:
        return QCoreApplication::translate("Reason", "The application opens the connection: it sends a SYN to start the three-way handshake.");
    case Reason::AppSend:
        return QCoreApplication::translate("Reason", "The application hands data to TCP (SEND); it goes out in segments of at most MSS bytes.");
    case Reason::AppSendRefused:
        return QCoreApplication::translate("Reason", "SEND is refused: this side has already closed its sending direction (\"connection closing\").");
    case Reason::AppRead:
        return QCoreApplication::translate("Reason", "The application reads the data that has arrived, so nothing is left unread.");
    case Reason::AppClose:
        return QCoreApplication::translate("Reason", "The application calls close(): \"I have no more data to send\". A FIN will follow the queued data.");
    case Reason::AppShutdownWrite:
        return QCoreApplication::translate("Reason", "The application calls shutdown(SHUT_WR): it stops sending but can still receive (half-close).");
    case Reason::AppCloseRefused:
        return QCoreApplication::translate("Reason", "CLOSE again: the connection is already closing, so no second FIN is sent.");
    case Reason::AppAbort:
        return QCoreApplication::translate("Reason", "The application aborts the connection: a RST is sent and everything queued is thrown away.");
    case Reason::AppLingerZeroClose:
        return QCoreApplication::translate("Reason", "close() with SO_LINGER {on, 0}: instead of the FIN handshake the socket is aborted with a RST, so there is no TIME_WAIT.");
    case Reason::SendSyn:
        return QCoreApplication::translate("Reason", "SYN: the first segment of the three-way handshake. It takes one sequence number.");
    case Reason::SendSynAck:
        return QCoreApplication::translate("Reason", "SYN+ACK: the passive side acknowledges the SYN and sends its own SYN in the same segment. That is why opening takes three segments.");
    case Reason::SendHandshakeAck:
        return QCoreApplication::translate("Reason", "ACK of the SYN+ACK: the handshake is complete and both ends are ESTABLISHED.");
    case Reason::SendData:
        return QCoreApplication::translate("Reason", "A data segment. Its ACK field carries RCV.NXT, as every segment after the handshake does.");
    case Reason::SendFin:
        return QCoreApplication::translate("Reason", "FIN: \"I have no more data\". The FIN takes one sequence number and will be retransmitted until it is acknowledged.");
    case Reason::SendFinWithData:
        return QCoreApplication::translate("Reason", "The FIN rides on the last data segment: close was called before the data had left.");
    case Reason::SendFinPiggybackAck:
        return QCoreApplication::translate("Reason", "This FIN also carries the ACK that was being delayed: the acknowledgement rides on it, so the close takes three segments, not four.");
    case Reason::SendAckOfData:
        return QCoreApplication::translate("Reason", "ACK of the data received; the ACK number is the next byte expected.");
    case Reason::SendAckOfFin:
        return QCoreApplication::translate("Reason", "ACK of the peer's FIN: ACK = the FIN's sequence number + 1.");
    case Reason::SendDelayedAck:
        return QCoreApplication::translate("Reason", "The delayed-ACK timer expired with nothing to piggyback on, so a bare ACK goes out.");
    case Reason::SendAckUnacceptable:
        return QCoreApplication::translate("Reason", "The segment was outside the receive window (an old or repeated one, such as a retransmitted FIN), so TCP answers with an ACK of what it expects and drops it.");
    case Reason::SendChallengeAck:
        return QCoreApplication::translate("Reason", "A RST or SYN that is inside the window but not exact: TCP answers with a challenge ACK instead of obeying it (RFC 5961).");
    case Reason::SendRstAbort:
        return QCoreApplication::translate("Reason", "RST: the connection is aborted. The peer will drop its TCB at once.");
    case Reason::SendRstUnreadData:
        return QCoreApplication::translate("Reason", "RST instead of FIN: the application closed while received data was still unread, so the peer is told that data was lost.");
    case Reason::SendRstDataAfterClose:
        return QCoreApplication::translate("Reason", "RST: data arrived after the application had closed the socket, and nobody can read it any more.");
    case Reason::SendRstNoTcb:
        return QCoreApplication::translate("Reason", "RST: this side has no connection (no TCB) for the segment that arrived, so it resets it.");
    case Reason::SendRstLinger2:
        return QCoreApplication::translate("Reason", "RST: TCP_LINGER2 is negative, so Linux resets instead of waiting in FIN_WAIT_2.");
    case Reason::Retransmit:
        return QCoreApplication::translate("Reason", "Retransmission: the retransmission timer expired before an ACK came. The earliest unacknowledged segment is sent again with the same sequence number, and the timeout doubles.");
    case Reason::Arrive:
        return QCoreApplication::translate("Reason", "A segment arrives and is checked: sequence number first, then RST, SYN, ACK, data and FIN, in that order.");
    case Reason::LostRandom:
        return QCoreApplication::translate("Reason", "The network lost this segment (random loss on this direction).");
    case Reason::LostTargeted:
        return QCoreApplication::translate("Reason", "The scenario drops this segment on purpose, to show what happens when it is lost.");
    case Reason::LostByUser:
        return QCoreApplication::translate("Reason", "You dropped this segment while it was in flight.");
    case Reason::ReturnListening:
        return QCoreApplication::translate("Reason", "listen() returns 0: the socket now waits for connections, and the application waits in accept().");
    case Reason::ReturnAccepted:
        return QCoreApplication::translate("Reason", "accept() returns the new connection: the ACK of this side's SYN arrived and the handshake is complete.");
    case Reason::ReturnConnected:
        return QCoreApplication::translate("Reason", "connect() returns 0: the SYN,ACK arrived and this side's ACK completes the handshake.");
    case Reason::ReturnWritten:
        return QCoreApplication::translate("Reason", "write() returns the byte count: the bytes are in the send buffer, not yet delivered, let alone acknowledged.");
    case Reason::ReturnRead:
        return QCoreApplication::translate("Reason", "read() returns the bytes that arrived in order.");
    case Reason::ReturnEndOfStream:
        return QCoreApplication::translate("Reason", "read() returns 0, the end of the stream: the peer's FIN arrived and it will send nothing more. This side may still send.");
    case Reason::ReturnShutdown:
        return QCoreApplication::translate("Reason", "shutdown(SHUT_WR) returns 0: a FIN follows the queued data, and this side can still read.");
    case Reason::ReturnClosed:
        return QCoreApplication::translate("Reason", "close() returns 0 at once: the kernel sends the rest of the data and the FIN by itself; the application is gone.");
    case Reason::ReturnClosedDiscarding:
        return QCoreApplication::translate("Reason", "close() with SO_LINGER 0 returns 0 at once, but every byte not yet acknowledged is thrown away and a RST is sent instead of a FIN. The application believed those bytes were written.");
    case Reason::ReturnClosedUnread:
        return QCoreApplication::translate("Reason", "close() returns 0, but received data was never read: the kernel throws it away and resets the connection.");
    case Reason::ReturnReset:
        return QCoreApplication::translate("Reason", "The call fails with ECONNRESET: the peer reset the connection. It is reported once; after that read() returns 0 and write() fails with EPIPE.");
    case Reason::ReturnRefused:
        return QCoreApplication::translate("Reason", "connect() fails with ECONNREFUSED: a RST answered the SYN; nothing listens there.");
    case Reason::ReturnTimedOut:
        return QCoreApplication::translate("Reason", "The call fails with ETIMEDOUT: the retransmissions gave up, or the user timeout expired, and the connection is gone.");
    case Reason::ReturnBrokenPipe:
        return QCoreApplication::translate("Reason", "write() fails with EPIPE (and the process gets SIGPIPE unless it asked not to): this side has shut down its sending, or the connection is gone.");
    case Reason::ReturnNotConnected:
        return QCoreApplication::translate("Reason", "The call fails with ENOTCONN: the socket has no connection.");
    case Reason::ReturnAlreadyConnected:
        return QCoreApplication::translate("Reason", "The call fails: the socket is already connected or listening (EISCONN, EINVAL).");
    case Reason::ReturnNotOpen:
        return QCoreApplication::translate("Reason", "The call fails with EBADF: the application has already closed this descriptor.");
    case Reason::ReturnAddressInTimeWait:
        return QCoreApplication::translate("Reason", "connect() fails with EADDRNOTAVAIL: the same addresses and ports are still in TIME_WAIT, so this connection cannot begin yet.");
    case Reason::LostInCapture:
        return QCoreApplication::translate("Reason", "The capture shows this segment did not arrive: what answered it never came, or the other end sent again what it covered.");
    case Reason::DuplicateDelivered:
        return QCoreApplication::translate("Reason", "An old copy of an earlier segment arrives late, as a delayed duplicate from the network.");
    case Reason::InjectedRst:
        return QCoreApplication::translate("Reason", "A forged RST arrives, aimed at the receiver's window (a blind reset attack). Only a RST whose sequence number is exactly RCV.NXT is obeyed; one merely inside the window gets a challenge ACK.");
    case Reason::IgnoredUnacceptable:
        return QCoreApplication::translate("Reason", "The segment is ignored: it does not pass the checks for this state.");
    case Reason::IgnoredRstOutOfWindow:
        return QCoreApplication::translate("Reason", "This RST is outside the window, so it is ignored silently.");
    case Reason::IgnoredRstRfc1337:
        return QCoreApplication::translate("Reason", "RST ignored in TIME_WAIT: RFC 1337 protection keeps TIME_WAIT from being assassinated.");
    case Reason::IgnoredRstNoTcb:
        return QCoreApplication::translate("Reason", "A RST for a connection that does not exist is ignored; RST is never answered.");
    case Reason::IgnoredText:
        return QCoreApplication::translate("Reason", "The data is ignored: this side has already received the peer's FIN.");
    case Reason::IgnoredOldAck:
        return QCoreApplication::translate("Reason", "An old ACK in TIME_WAIT changes nothing.");
    case Reason::DataAccepted:
        return QCoreApplication::translate("Reason", "Data accepted in order; RCV.NXT moves past it.");
    case Reason::DataHeldOutOfOrder:
        return QCoreApplication::translate("Reason", "This segment came before a missing one; it is held and an ACK asks for the missing bytes.");
    case Reason::AckAdvanced:
        return QCoreApplication::translate("Reason", "The ACK covers sequence numbers not acknowledged before (data or a FIN): SND.UNA moves forward and the retransmission timer is restarted or stopped.");
    case Reason::ListenOpened:
        return QCoreApplication::translate("Reason", "CLOSED to LISTEN: waiting for a connection request.");
    case Reason::SynSentOnConnect:
        return QCoreApplication::translate("Reason", "CLOSED to SYN_SENT: the SYN is on its way, waiting for SYN+ACK.");
    case Reason::SynReceived:
        return QCoreApplication::translate("Reason", "LISTEN to SYN_RECEIVED: a SYN arrived and SYN+ACK was sent, waiting for the last ACK of the handshake.");
    case Reason::EstablishedActive:
        return QCoreApplication::translate("Reason", "SYN_SENT to ESTABLISHED: the SYN+ACK arrived; the connection is open.");
    case Reason::EstablishedPassive:
        return QCoreApplication::translate("Reason", "SYN_RECEIVED to ESTABLISHED: the ACK of our SYN arrived; the connection is open.");
    case Reason::CloseEnterFinWait1:
        return QCoreApplication::translate("Reason", "ESTABLISHED to FIN_WAIT_1: this side sent its FIN and waits for it to be acknowledged.");
    case Reason::FinAckedEnterFinWait2:
        return QCoreApplication::translate("Reason", "FIN_WAIT_1 to FIN_WAIT_2: our FIN is acknowledged. Now we wait for the peer's FIN; the peer may still send data (half-close).");
    case Reason::FinEnterCloseWait:
        return QCoreApplication::translate("Reason", "ESTABLISHED to CLOSE_WAIT: the peer has no more data. This side can still send; it closes when its application calls close().");
    case Reason::FinCrossedEnterClosing:
        return QCoreApplication::translate("Reason", "FIN_WAIT_1 to CLOSING: the peer's FIN arrived before the ACK of ours. Both sides are closing at once (simultaneous close).");
    case Reason::FinAckAndFinEnterTimeWait:
        return QCoreApplication::translate("Reason", "FIN_WAIT_1 straight to TIME_WAIT: one segment both acknowledged our FIN and carried the peer's FIN, so FIN_WAIT_2 is skipped.");
    case Reason::FinEnterTimeWait:
        return QCoreApplication::translate("Reason", "FIN_WAIT_2 to TIME_WAIT: the peer's FIN arrived and was acknowledged. This side now waits 2MSL in case that ACK is lost.");
    case Reason::CloseEnterLastAck:
        return QCoreApplication::translate("Reason", "CLOSE_WAIT to LAST_ACK: this side sent its FIN and waits for the last ACK.");
    case Reason::ClosingAckedEnterTimeWait:
        return QCoreApplication::translate("Reason", "CLOSING to TIME_WAIT: our FIN is acknowledged; wait 2MSL.");
    case Reason::LastAckAckedClosed:
        return QCoreApplication::translate("Reason", "LAST_ACK to CLOSED: the last ACK arrived. This side deletes its TCB at once; it needs no TIME_WAIT.");
    case Reason::TimeWaitExpired:
        return QCoreApplication::translate("Reason", "TIME_WAIT to CLOSED: 2MSL passed without a retransmitted FIN, so the last ACK must have arrived and old duplicates have died out.");
    case Reason::TimeWaitRestarted:
        return QCoreApplication::translate("Reason", "The peer's FIN came again: our last ACK was lost. TIME_WAIT ACKs it again and restarts the 2MSL timer. This is why TIME_WAIT exists.");
    case Reason::TimeWaitRestartedLinux:
        return QCoreApplication::translate("Reason", "Linux restarts TIME_WAIT on any segment with ACK that arrives in it.");
    case Reason::RstReceivedClosed:
        return QCoreApplication::translate("Reason", "A valid RST arrived: the connection is reset and this side goes to CLOSED at once.");
    case Reason::RstKilledTimeWait:
        return QCoreApplication::translate("Reason", "A RST ended TIME_WAIT early (\"TIME_WAIT assassination\", RFC 1337).");
    case Reason::AbortClosed:
        return QCoreApplication::translate("Reason", "The TCB is deleted at once (abort): no FIN, no TIME_WAIT.");
    case Reason::UnreadDataResetClosed:
        return QCoreApplication::translate("Reason", "Closed with a RST because received data was never read.");
    case Reason::DataAfterCloseResetClosed:
        return QCoreApplication::translate("Reason", "Closed with a RST because data arrived after close().");
    case Reason::RetriesExhaustedClosed:
        return QCoreApplication::translate("Reason", "TCP gives up: repeated retransmissions drew no ACK, so the connection is closed.");
    case Reason::GaveUpRetryLimit:
        return QCoreApplication::translate("Reason", "The retry limit is reached: the segment was retransmitted as often as allowed without an ACK.");
    case Reason::GaveUpTimeLimit:
        return QCoreApplication::translate("Reason", "The time limit R2 is reached: no ACK came within that time of the segment's first transmission, before the retry limit.");
    case Reason::IgnoredPaws:
        return QCoreApplication::translate("Reason", "PAWS: its timestamp is older than the last one seen, so it is an old duplicate; it is answered with an ACK and dropped.");
    case Reason::FinWait2TimeoutClosed:
        return QCoreApplication::translate("Reason", "Linux: the orphaned socket waited tcp_fin_timeout in FIN_WAIT_2 without the peer's FIN and is closed silently.");
    case Reason::UserTimeoutClosed:
        return QCoreApplication::translate("Reason", "The user timeout expired: the connection is closed.");
    case Reason::Linger2ResetClosed:
        return QCoreApplication::translate("Reason", "Linux with TCP_LINGER2 < 0: the orphan answers the ACK of its FIN with a RST and is closed at once instead of waiting in FIN_WAIT_2.");
    case Reason::TimerRtx:
        return QCoreApplication::translate("Reason", "Retransmission timer (RTO): if no ACK arrives before it fires, the earliest unacknowledged segment is sent again.");
    case Reason::TimerTimeWait:
        return QCoreApplication::translate("Reason", "TIME_WAIT timer, 2MSL: long enough for a lost last ACK to be noticed and for old segments to die out.");
    case Reason::TimerDelayedAck:
        return QCoreApplication::translate("Reason", "Delayed-ACK timer: the ACK waits briefly, hoping to ride on a data segment or a FIN.");
    case Reason::TimerFinWait2:
        return QCoreApplication::translate("Reason", "Linux FIN_WAIT_2 timer for orphaned sockets (tcp_fin_timeout).");
    case Reason::TimerUser:
        return QCoreApplication::translate("Reason", "User timeout: the longest time the connection may take to close.");
    case Reason::TailLossProbe:
        return QCoreApplication::translate("Reason", "Tail-loss probe: the last segment in flight is sent again before the retransmission timeout, so a lost tail is noticed sooner.");
    case Reason::TimeWaitNewIncarnation:
        return QCoreApplication::translate("Reason", "A SYN with a sequence number above the old connection's arrives in TIME_WAIT: TIME_WAIT ends and a new incarnation of the connection starts, with an ISN above the old one.");
    case Reason::NewIncarnation:
        return QCoreApplication::translate("Reason", "A new incarnation of the connection begins: same addresses and ports as an earlier one.");
    case Reason::StaleDataAccepted:
        return QCoreApplication::translate("Reason", "Corrupted data: an old duplicate from the previous incarnation is accepted as if it were this connection's data.");
    case Reason::SendWindowUpdate:
        return QCoreApplication::translate("Reason", "Window update: the application has read the data, so the receive window opens again and the sender may go on.");
    case Reason::AppConnectRefused:
        return QCoreApplication::translate("Reason", "OPEN is refused: this address and port still belong to a connection (\"connection already exists\").");
    case Reason::TimerLossProbe:
        return QCoreApplication::translate("Reason", "Probe timer (PTO): about two round trips; if nothing is acknowledged by then, the last segment is probed.");
    }
    return {};
}
QString scenarioTitle(const Scenario& s) {
    return QCoreApplication::translate("Scenario", (s.title.empty() ? s.name : s.title).c_str());
}

QString scenarioDescription(const Scenario& s) {
    return QCoreApplication::translate("Scenario", s.description.c_str());
}

QString ruleText(Reason reason) {
    // The rules that are words, not citations (core/protocol/reason_list.h), for lupdate; any
    // other rule has no translation and comes back as written.
    static const char* const kWords[] = {
        QT_TRANSLATE_NOOP("Rule", "scenario fault"),
        QT_TRANSLATE_NOOP("Rule", "dropped by the user"),
        QT_TRANSLATE_NOOP("Rule", "channel loss probability"),
        QT_TRANSLATE_NOOP("Rule", "what the capture shows"),
        QT_TRANSLATE_NOOP("Rule", "POSIX close(): EBADF after the descriptor is closed"),
    };
    (void)kWords;
    return QCoreApplication::translate("Rule", rfcSection(reason).data());
}

QString outcomeText(Outcome o) {
    switch (o) {
    case Outcome::Running: return QCoreApplication::translate("Outcome", "running");
    case Outcome::Graceful: return QCoreApplication::translate("Outcome", "closed gracefully");
    case Outcome::Reset: return QCoreApplication::translate("Outcome", "reset");
    case Outcome::GaveUp: return QCoreApplication::translate("Outcome", "gave up");
    case Outcome::TimedOut: return QCoreApplication::translate("Outcome", "timed out");
    case Outcome::Stuck: return QCoreApplication::translate("Outcome", "stuck: nothing more happens");
    }
    return {};
}

QString formatTime(Micros t, Micros grain) {
    // To the millisecond at least: one decimal made 15.040 s and 15.090 s both "15.0 s".
    const double s = static_cast<double>(t) / 1e6;
    return QCoreApplication::translate("Time", "%1 s").arg(s, 0, 'f', grain < kMs ? 6 : 3);
}

QString segmentLabel(const Simulator& sim, const Segment& s) {
    QString flags = QString::fromStdString(flagsText(s.flags)).replace(QLatin1Char(','), QStringLiteral(", "));
    QString out = QStringLiteral("%1 seq=%2").arg(flags).arg(sim.relativeSeq(s));
    if (s.has(flag::Ack))
        out += QStringLiteral(" ack=%1").arg(sim.relativeAck(s));
    if (s.len > 0)
        out += QStringLiteral(" len=%1").arg(s.len);
    if (s.isRetransmission())
        out += QCoreApplication::translate("Segment", " (retransmission #%1)").arg(s.transmission);
    return out;
}

QString callLabel(const TraceRecord& r) {
    QString out = QStringLiteral("%1() = %2").arg(QString::fromUtf8(socketCallName(r.call).data())).arg(returnValue(r));
    if (r.error != SocketError::None)
        out += QLatin1Char(' ') + QString::fromUtf8(socketErrorName(r.error).data());
    if (r.call == SocketCall::Close && r.bytes > 0)
        out += QLatin1Char('\n') + QCoreApplication::translate("Log", "%1 bytes thrown away").arg(r.bytes);
    return out;
}

QString recordSummary(const Simulator& sim, const TraceRecord& r, bool hideTimes) {
    const QString side = QString::fromUtf8(sideName(r.side).data());
    const QString timer = QString::fromUtf8(timerName(r.timer).data());
    switch (r.kind) {
    case EventKind::Send:
        return QCoreApplication::translate("Log", "%1 sends %2").arg(side, segmentLabel(sim, r.seg));
    case EventKind::Arrive:
        return QCoreApplication::translate("Log", "%1 receives %2").arg(side, segmentLabel(sim, r.seg));
    case EventKind::Drop:
        return QCoreApplication::translate("Log", "%1 is lost on the way %2")
            .arg(segmentLabel(sim, r.seg), r.seg.dir == Direction::AtoB ? QStringLiteral("A→B") : QStringLiteral("B→A"));
    case EventKind::State:
        return QCoreApplication::translate("Log", "%1: %2 → %3")
            .arg(side, QString::fromUtf8(stateName(r.from).data()), QString::fromUtf8(stateName(r.to).data()));
    case EventKind::TimerStart:
        return QCoreApplication::translate("Log", "%1 starts its %2 timer (fires at %3)")
            .arg(side, timer, hideTimes ? QStringLiteral("?") : formatTime(r.deadline, sim.timeGrain()));
    case EventKind::TimerStop:
        return QCoreApplication::translate("Log", "%1 stops its %2 timer").arg(side, timer);
    case EventKind::TimerFire:
        return QCoreApplication::translate("Log", "%1: the %2 timer expires").arg(side, timer);
    case EventKind::App:
        if (r.reason == Reason::AppSend) {
            const int bytes = static_cast<int>(r.bytes);
            return QCoreApplication::translate("Log", "%1's application sends %n byte(s)", "SEND call", bytes).arg(side);
        }
        return QCoreApplication::translate("Log", "%1's application: %2").arg(side, reasonSentence(r.reason));
    case EventKind::Return:
        return QCoreApplication::translate("Log", "%1's application: %2").arg(side, callLabel(r).replace(QLatin1Char('\n'), QLatin1Char(' ')));
    case EventKind::Note:
        if (r.reason == Reason::GaveUpRetryLimit || r.reason == Reason::GaveUpTimeLimit) {
            const int retries = static_cast<int>(r.bytes);
            return QCoreApplication::translate("Log", "%1 gives up after %n retransmission(s)", "giving up", retries).arg(side) +
                   QStringLiteral(": ") + reasonSentence(r.reason);
        }
        return QCoreApplication::translate("Log", "%1: %2").arg(side, reasonSentence(r.reason));
    }
    return {};
}

QString runCaption(const Simulator& sim) {
    const ChannelParams ab = sim.channel(Direction::AtoB), ba = sim.channel(Direction::BtoA);
    return QCoreApplication::translate("ExportDialog", "%1 · profile %2 · delay %3/%4 ms · loss %5/%6 % · seed %7 · step %8")
        .arg(QString::fromStdString(sim.scenario().name), QString::fromUtf8(profileName(sim.params().profile).data()))
        .arg(static_cast<double>(ab.delay) / 1000.0)
        .arg(static_cast<double>(ba.delay) / 1000.0)
        .arg(ab.loss * 100, 0, 'f', 0)
        .arg(ba.loss * 100, 0, 'f', 0)
        .arg(sim.scenario().seed)
        .arg(sim.stepIndex());
}

}  // namespace finwave::app
