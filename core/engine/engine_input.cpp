// A segment arriving in a synchronized state, in the order of RFC 9293 §3.10.7.4: the acceptability
// test (First), RST (Second), ACK (Fifth), text (Seventh), FIN (Eighth), and segments held out of
// order. The rows of docs/protocol.md name what each step does in each state.
#include "core/engine/internal/engine.h"

#include <algorithm>

namespace finwave::detail {

namespace {
constexpr std::uint32_t kWindow = 65535;  // the acceptability test's RCV.WND (Table 6)

}  // namespace


void Engine::receive(Side me, const Segment& seg) {
    Endpoint& e = ep(m_s, me);
    switch (e.state) {
    case TcpState::Closed: receiveWithoutTcb(me, seg); return;   // X1 (§3.10.7.1)
    case TcpState::Listen: receiveListen(me, seg); return;
    case TcpState::SynSent: receiveSynSent(me, seg); return;
    default: break;
    }

    // Linux also honours RST seq = RCV.NXT-1 once a FIN has been received
    // (tcp_reset_check() in tcp_input.c); RFC 9293 has no such case.
    if (seg.has(flag::Rst) && isLinux(m_s.params) && e.finReceived && seg.seq == e.rcvNxt - 1 &&
        (e.state == TcpState::CloseWait || e.state == TcpState::LastAck || e.state == TcpState::Closing)) {
        closeTcb(me, Reason::RstReceivedClosed, CloseCause::Reset, true);
        return;
    }
    // Fourth, for TIME-WAIT, checked before the sequence test as Linux does: a SYN may open a new
    // incarnation (T5).
    if (e.state == TcpState::TimeWait && synOpensNewIncarnation(e, seg)) {
        newIncarnationFromTimeWait(me, seg);
        return;
    }
    // PAWS (RFC 7323 §5.3) before the sequence test, as Linux's tcp_validate_incoming() does: an
    // old timestamp is an old duplicate, answered like an unacceptable segment.
    if (pawsRejects(e, seg)) {
        note(me, Reason::IgnoredPaws, &seg);
        unacceptable(me, seg);
        return;
    }
    noteTimestamp(me, seg);
    // First: sequence number check (§3.10.7.4 First, Table 6).
    if (!acceptable(e, seg)) {
        unacceptable(me, seg);
        return;
    }
    // Second: RST (§3.10.7.4 Second; RFC 5961 §3).
    if (seg.has(flag::Rst)) {
        handleRst(me, seg);
        return;
    }
    // Fourth: a SYN in a synchronized state gets a challenge ACK (RFC 5961 §4, §3.10.7.4 Fourth).
    if (seg.has(flag::Syn)) {
        sendAck(me, Reason::SendChallengeAck);
        return;
    }
    // Fifth: "if the ACK bit is off drop the segment and return".
    if (!seg.has(flag::Ack)) {
        note(me, Reason::IgnoredUnacceptable, &seg);
        return;
    }
    const std::uint32_t end = seg.seq + seg.len;  // where a FIN in this segment sits
    const bool inOrder = seqLe(seg.seq, e.rcvNxt);
    const bool finInOrder = seg.has(flag::Fin) && inOrder && seqLe(e.rcvNxt, end);
    if (!handleAck(me, seg, finInOrder))
        return;
    if (!inOrder) {  // above RCV.NXT: keep for later (SHLD-31) and ask for what is missing
        hold(me, seg);
        return;
    }
    // Seventh: segment text, trimmed to what is new.
    if (seg.len > 0 && seqLt(e.rcvNxt, end)) {
        handleText(me, end - e.rcvNxt, seg.ack, !(finInOrder && seqLt(e.rcvNxt, end)));
        if (ep(m_s, me).state == TcpState::Closed)
            return;
    }
    // Eighth: FIN, processed only when in sequence.
    if (finInOrder && ep(m_s, me).rcvNxt == end)
        handleFin(me);
    drainHeld(me);
}

// RFC 9293 §3.10.7.4 Table 6 acceptability test.
bool Engine::acceptable(const Endpoint& e, const Segment& seg) const {
    const std::uint32_t space = seg.seqSpace();
    const auto inWindow = [&](std::uint32_t s) { return seqLe(e.rcvNxt, s) && seqLt(s, e.rcvNxt + kWindow); };
    if (space == 0)
        return inWindow(seg.seq);
    return inWindow(seg.seq) || inWindow(seg.seq + space - 1);
}

// An unacceptable segment gets <SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK> unless it is an RST
// (§3.10.7.4 First).
void Engine::unacceptable(Side me, const Segment& seg) {
    Endpoint& e = ep(m_s, me);
    if (seg.has(flag::Rst)) {
        note(me, Reason::IgnoredRstOutOfWindow, &seg);
        return;
    }
    if (seg.seqSpace() > 0)
        enterQuickAckMode(me);  // tcp_send_dupack(): a duplicate is ACKed in quick-ack mode
    if (e.state == TcpState::TimeWait) {
        // T1: a retransmission of the peer's FIN (its FIN sits at RCV.NXT-1): ACK it and restart
        // 2MSL (§3.10.7.4 Fifth and Eighth, TIME-WAIT: read for their intent, the sequence test of
        // step one would otherwise drop the FIN first).
        const bool retransmittedFin = seg.has(flag::Fin) && seg.seq + seg.len + 1 == e.rcvNxt;
        if (retransmittedFin) {
            sendAck(me, Reason::SendAckOfFin);
            note(me, Reason::TimeWaitRestarted, &seg);
            startTimer(me, TimerKind::TimeWait, m_s.params.timeWait, Reason::TimerTimeWait);
            return;
        }
        sendAck(me, Reason::SendAckUnacceptable);
        // T2, Linux: tcp_timewait_state_process() reschedules TIME_WAIT on any segment with ACK.
        if (m_s.params.linuxTimeWaitRestart && seg.has(flag::Ack)) {
            note(me, Reason::TimeWaitRestartedLinux, &seg);
            startTimer(me, TimerKind::TimeWait, m_s.params.timeWait, Reason::TimerTimeWait);
        }
        return;
    }
    // C4, G2, L3: a retransmitted FIN in CLOSE_WAIT, CLOSING or LAST_ACK is answered like this too.
    // With SACK in use a duplicate (below RCV.NXT) is reported with a D-SACK block (RFC 2883 §4;
    // Linux tcp_data_queue() and tcp_send_dupack() call tcp_dsack_set()); TIME_WAIT sends none.
    if (e.sackOk && seg.seqSpace() > 0 && seqLe(seg.seq + seg.seqSpace(), e.rcvNxt))
        m_dsack = std::pair(seg.seq, seg.seq + seg.seqSpace());
    sendAck(me, Reason::SendAckUnacceptable);
}

// §3.10.7.4 Second: exact RST resets, in-window RST gets a challenge ACK (RFC 5961 §3).
bool Engine::handleRst(Side me, const Segment& seg) {
    Endpoint& e = ep(m_s, me);
    // RFC 1337 §3 fix F1, "Ignore RST segments in TIME-WAIT state": every RST, so an in-window one
    // draws no challenge ACK either (Linux tcp_rfc1337=1: tcp_timewait_state_process() drops it).
    if (e.state == TcpState::TimeWait && m_s.params.rfc1337) {
        note(me, Reason::IgnoredRstRfc1337, &seg);
        return false;
    }
    if (seg.seq == e.rcvNxt) {
        if (e.state == TcpState::TimeWait) {
            closeTcb(me, Reason::RstKilledTimeWait, CloseCause::Reset, true);  // T3
            return false;
        }
        closeTcb(me, Reason::RstReceivedClosed, CloseCause::Reset, true);  // E5, F1i, F2f, C5, G4, L4
        return false;
    }
    if (e.state == TcpState::TimeWait && isLinux(m_s.params)) {  // T4, Linux: silent drop
        note(me, Reason::IgnoredRstOutOfWindow, &seg);
        return false;
    }
    sendAck(me, Reason::SendChallengeAck);
    return false;
}

// Fifth step: the ACK field. Returns false when the segment needs no further processing.
bool Engine::handleAck(Side me, const Segment& seg, bool finInOrder) {
    Endpoint& e = ep(m_s, me);
    const std::uint32_t ack = seg.ack;
    if (e.state == TcpState::TimeWait) {
        // An acceptable segment in TIME-WAIT (e.g. an ACK at RCV.NXT): RFC does nothing; Linux
        // restarts the timer silently (tcp_timewait_state_process() in tcp_minisocks.c).
        if (m_s.params.linuxTimeWaitRestart) {
            note(me, Reason::TimeWaitRestartedLinux, &seg);
            startTimer(me, TimerKind::TimeWait, m_s.params.timeWait, Reason::TimerTimeWait);
        } else {
            note(me, Reason::IgnoredOldAck, &seg);
        }
        return false;
    }
    if (e.state == TcpState::SynReceived) {
        if (!(seqLt(e.sndUna, ack) && seqLe(ack, e.sndNxt))) {
            sendRst(me, ack, 0, false, Reason::SendRstNoTcb);
            return false;
        }
        stopTimer(me, TimerKind::Retransmission);
        sampleRtt(e, ack);
        e.sndUna = ack;
        e.retries = 0;
        setState(me, TcpState::Established, Reason::EstablishedPassive);
        output(me);
    }
    if (seqLt(e.sndNxt, ack)) {  // acknowledges something not yet sent: ACK and drop
        sendAck(me, Reason::SendAckUnacceptable);
        return false;
    }
    // SND.WND from every ACK within [SND.UNA, SND.NXT] (§3.10.7.4 Fifth; the WL1/WL2 test against
    // reordered segments is left out: the channel keeps order unless jitter reorders it).
    if (seqLe(e.sndUna, ack)) {
        const bool opened = seg.wnd > e.sndWnd;
        e.sndWnd = seg.wnd;
        if (opened && (e.unsent > 0 || (e.finQueued && !e.finSent)))
            scheduleOutput(me);  // a window update: what waited for it may leave
    }
    if (seqLt(e.sndUna, ack))
        takeNewAck(me, seg);
    return ackInClosingState(me, finInOrder);
}

// SND.UNA advances: an RTT sample, the windows, the timers (RFC 6298 (5.2), (5.3)).
void Engine::takeNewAck(Side me, const Segment& seg) {
    Endpoint& e = ep(m_s, me);
    const std::uint32_t acked = seg.ack - e.sndUna;
    sampleRtt(e, seg.ack);
    e.sndUna = seg.ack;
    e.retries = 0;
    e.rto = computeRto(e, m_s.params);
    note(me, Reason::AckAdvanced, &seg);
    onNewAck(me, acked);
    if (e.probeOutstanding && seqLe(e.probeHighSeq, e.sndUna))
        e.probeOutstanding = false;  // the tail the probe covered is acknowledged
    if (e.sndUna == e.sndNxt) {
        stopTimer(me, TimerKind::Retransmission);  // RFC 6298 (5.2)
        stopTimer(me, TimerKind::LossProbe);
        if (!e.allAckedSeen) {
            e.allAckedSeen = true;
            trigger(me, AppAction::Trigger::AfterAllAcked);
        }
    } else {
        e.frontFirstSent = m_s.now;
        armRetransmission(me, RtoRestart::Always);  // (5.3), or the probe (RFC 8985 §7.2)
    }
}

// The Fifth step's end in the states that wait for the ACK of our FIN: FIN_WAIT_1 (F1a, F2e),
// CLOSING (G1), LAST_ACK (L1). Returns false when the segment needs no further processing.
bool Engine::ackInClosingState(Side me, bool finInOrder) {
    Endpoint& e = ep(m_s, me);
    const bool finAcked = ourFinAcked(e);
    switch (e.state) {
    case TcpState::FinWait1:
        // F1a. When this same segment also carries the peer's FIN in order, the Eighth step takes
        // FIN_WAIT_1 straight to TIME_WAIT (F1d, Figure 5 note 2), so FIN_WAIT_2 is not entered.
        if (finAcked && !finInOrder && isLinux(m_s.params) && e.orphan && e.linger2Negative) {
            // F2e: with TCP_LINGER2 < 0 Linux answers this ACK with a bare RST and drops the
            // socket instead of waiting in FIN_WAIT_2 (__tcp_close(), tcp_rcv_state_process()).
            sendRst(me, e.sndNxt, 0, false, Reason::SendRstLinger2);
            closeTcb(me, Reason::Linger2ResetClosed, CloseCause::Reset);
            return false;
        }
        if (finAcked && !finInOrder) {
            setState(me, TcpState::FinWait2, Reason::FinAckedEnterFinWait2);
            if (e.orphan)
                startFinWait2Timer(me);
        }
        return true;
    case TcpState::Closing:
        if (finAcked)
            enterTimeWait(me, Reason::ClosingAckedEnterTimeWait);  // G1
        return false;
    case TcpState::LastAck:
        if (finAcked)
            closeTcb(me, Reason::LastAckAckedClosed, CloseCause::Graceful);  // L1
        return false;
    default:
        return true;
    }
}

// Seventh step: text in ESTABLISHED, FIN-WAIT-1 and FIN-WAIT-2 (§3.10.7.4 Seventh).
void Engine::handleText(Side me, std::uint32_t len, std::uint32_t segAck, bool ack) {
    Endpoint& e = ep(m_s, me);
    const bool receiving = e.state == TcpState::Established || e.state == TcpState::FinWait1 ||
                           e.state == TcpState::FinWait2 || e.state == TcpState::SynReceived;
    if (!receiving) {
        note(me, Reason::IgnoredText);
        return;
    }
    // Linux after close(): data for an orphan in FIN_WAIT_1 or FIN_WAIT_2 resets the connection
    // (F1e, F2b; RFC 9293 §3.6.1 SHLD-3). tcp_rcv_state_process() calls tcp_reset() and returns 1,
    // so tcp_v4_do_rcv() answers with tcp_v4_send_reset(), which builds the RST from the segment
    // as RFC 9293 §3.10.7.1 does for a segment without a connection: <SEQ=SEG.ACK><CTL=RST>.
    // After shutdown(SHUT_WR) the data is accepted.
    if (isLinux(m_s.params) && e.orphan && e.state != TcpState::Established) {
        sendRst(me, segAck, 0, false, Reason::SendRstDataAfterClose);
        closeTcb(me, Reason::DataAfterCloseResetClosed, CloseCause::Reset);
        return;
    }
    e.rcvNxt += len;
    if (e.autoRead)
        e.delivered += len;
    else
        e.unread += len;
    if (recording()) {
        // An old duplicate from an earlier incarnation taken as this connection's data (RFC 9293
        // §3.4.2; RFC 1337 §2.1): the bytes are corrupt, which is what 2MSL prevents.
        TraceRecord r = base(EventKind::Note, me, m_staleArrival ? Reason::StaleDataAccepted : Reason::DataAccepted);
        r.bytes = len;
        put(r);
    }
    noteDataReceived(me);
    appOnData(me, len);
    if (!e.dataSeen) {
        e.dataSeen = true;
        trigger(me, AppAction::Trigger::AfterData);
    }
    if (ack)
        acknowledge(me, AckUrgency::MayDelay, Reason::SendAckOfData);
}

// Eighth step: an in-sequence FIN (RFC 9293 §3.10.7.4 Eighth).
void Engine::handleFin(Side me) {
    Endpoint& e = ep(m_s, me);
    e.rcvNxt += 1;  // the FIN takes one sequence number (§3.4)
    e.finReceived = true;
    switch (e.state) {
    case TcpState::SynReceived:
    case TcpState::Established:
        setState(me, TcpState::CloseWait, Reason::FinEnterCloseWait);  // E4
        // Linux tcp_fin(): "inet_csk_enter_pingpong_mode(sk)", so this ACK may wait for our FIN.
        if (isLinux(m_s.params))
            e.pingpong = true;
        acknowledge(me, AckUrgency::MayDelay, Reason::SendAckOfFin);
        break;
    case TcpState::FinWait1:
        if (ourFinAcked(e)) {
            enterTimeWait(me, Reason::FinAckAndFinEnterTimeWait);  // F1d
        } else {
            setState(me, TcpState::Closing, Reason::FinCrossedEnterClosing);  // F1c
        }
        sendAck(me, Reason::SendAckOfFin);
        break;
    case TcpState::FinWait2:
        stopTimer(me, TimerKind::FinWait2);
        enterTimeWait(me, Reason::FinEnterTimeWait);  // F2a
        sendAck(me, Reason::SendAckOfFin);
        break;
    default:
        sendAck(me, Reason::SendAckOfFin);
        break;
    }
    appOnFin(me);
    trigger(me, AppAction::Trigger::AfterEof);
}

void Engine::hold(Side me, const Segment& seg) {
    Endpoint& e = ep(m_s, me);
    note(me, Reason::DataHeldOutOfOrder, &seg);
    const bool known = std::any_of(e.held.begin(), e.held.begin() + e.heldCount,
                                   [&](const Held& h) { return h.seq == seg.seq; });
    if (!known && e.heldCount < static_cast<int>(e.held.size()))
        e.held[e.heldCount++] = Held{seg.seq, seg.len, seg.ack, seg.has(flag::Fin)};
    enterQuickAckMode(me);  // tcp_data_queue(): out-of-order data
    sendAck(me, Reason::SendAckOfData);  // a duplicate ACK asks for RCV.NXT
}

void Engine::drainHeld(Side me) {
    for (bool progress = true; progress;) {
        progress = false;
        Endpoint& e = ep(m_s, me);
        for (int i = 0; i < e.heldCount; ++i) {
            const Held h = e.held[i];
            const std::uint32_t end = h.seq + h.len;
            if (seqLt(e.rcvNxt, h.seq))
                continue;  // still above a hole
            e.held[i] = e.held[--e.heldCount];
            if (seqLt(e.rcvNxt, end))
                handleText(me, end - e.rcvNxt, h.ack, !h.fin);
            if (ep(m_s, me).state == TcpState::Closed)
                return;
            if (h.fin && ep(m_s, me).rcvNxt == end && !ep(m_s, me).finReceived)
                handleFin(me);
            progress = true;
            break;
        }
    }
}

}  // namespace finwave::detail
