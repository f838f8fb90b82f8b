// Segments reaching an endpoint without a synchronized connection: CLOSED (RFC 9293 §3.10.7.1),
// LISTEN (§3.10.7.2) and SYN-SENT (§3.10.7.3).
#include "core/engine/internal/engine.h"

namespace finwave::detail {

// No TCB: everything but RST is answered with RST (RFC 9293 §3.5.2 group 1, §3.10.7.1; docs/protocol.md X1).
void Engine::receiveWithoutTcb(Side me, const Segment& seg) {
    if (seg.has(flag::Rst)) {
        note(me, Reason::IgnoredRstNoTcb, &seg);
        return;
    }
    if (seg.has(flag::Ack))
        sendRst(me, seg.ack, 0, false, Reason::SendRstNoTcb);
    else
        sendRst(me, 0, seg.seq + seg.seqSpace(), true, Reason::SendRstNoTcb);
}

// RFC 9293 §3.10.7.2.
void Engine::receiveListen(Side me, const Segment& seg) {
    if (seg.has(flag::Rst)) {
        note(me, Reason::IgnoredRstNoTcb, &seg);
        return;
    }
    if (seg.has(flag::Ack)) {
        sendRst(me, seg.ack, 0, false, Reason::SendRstNoTcb);
        return;
    }
    if (!seg.has(flag::Syn))
        return;
    acceptSyn(me, seg, Reason::SynReceived);
}

// A SYN taken for a connection: its sequence number is the peer's ISN, ours goes out on our
// SYN,ACK (RFC 9293 §3.10.7.2), and the endpoint waits in SYN_RECEIVED for the ACK of it.
void Engine::acceptSyn(Side me, const Segment& seg, Reason why) {
    Endpoint& e = ep(m_s, me);
    e.irs = seg.seq;
    e.rcvNxt = seg.seq + 1;
    e.sndWnd = seg.wnd;
    learnPeerOptions(me, seg);
    e.synSent = true;
    e.sndUna = e.iss;
    e.sndNxt = e.iss + 1;
    setState(me, TcpState::SynReceived, why);
    sendSyn(me);
}

// RFC 9293 §3.10.7.3.
void Engine::receiveSynSent(Side me, const Segment& seg) {
    Endpoint& e = ep(m_s, me);
    const bool ackOk = seg.has(flag::Ack) && seqLt(e.iss, seg.ack) && seqLe(seg.ack, e.sndNxt);
    if (seg.has(flag::Ack) && !ackOk) {
        if (!seg.has(flag::Rst))
            sendRst(me, seg.ack, 0, false, Reason::SendRstNoTcb);
        return;
    }
    if (seg.has(flag::Rst)) {
        if (ackOk)
            closeTcb(me, Reason::RstReceivedClosed, CloseCause::Reset, true);
        return;
    }
    if (!seg.has(flag::Syn))
        return;
    e.irs = seg.seq;
    e.rcvNxt = seg.seq + 1;
    e.sndWnd = seg.wnd;
    learnPeerOptions(me, seg);
    if (ackOk) {
        sampleRtt(e, seg.ack);
        e.sndUna = seg.ack;
        e.retries = 0;
        stopTimer(me, TimerKind::Retransmission);
        setState(me, TcpState::Established, Reason::EstablishedActive);
        sendAck(me, Reason::SendHandshakeAck);
        output(me);
        return;
    }
    // Simultaneous open: SYN without ACK.
    setState(me, TcpState::SynReceived, Reason::SynReceived);
    sendSyn(me);
}

// A SYN reaching TIME-WAIT (RFC 9293 §3.10.7.4 Fourth; §3.6.1 MAY-2; RFC 6191). The linux profile
// does what tcp_timewait_state_process() does: a SYN without ACK, on a port with a listener, that
// PAWS does not refuse, is a new connection (TCP_TW_SYN) when its SEG.SEQ is above the old RCV.NXT
// or, with timestamps in use, its TSval is newer than the last one seen (RFC 6191). The rfc profile
// takes none: the SYN draws a challenge ACK (RFC 5961 §4), see docs/protocol.md row T5.
bool Engine::synOpensNewIncarnation(const Endpoint& e, const Segment& seg) const {
    return isLinux(m_s.params) && e.listenAgain && seg.has(flag::Syn) && !seg.has(flag::Ack) &&
           !seg.has(flag::Rst) && !pawsRejects(e, seg) && (seqLt(e.rcvNxt, seg.seq) || tsNewerThanRecent(e));
}

// TIME_WAIT ends and the listener answers the SYN: the new incarnation's ISN is the old SND.NXT
// plus 65537 (tcp_timewait_state_process() adds 65535 and 2), above every sequence number the old
// one used, so its old duplicates cannot fall into the new window.
void Engine::newIncarnationFromTimeWait(Side me, const Segment& seg) {
    std::uint32_t isn = ep(m_s, me).sndNxt + 65537;
    if (isn == 0)
        isn = 1;
    for (int k = 1; k <= kTimerCount; ++k)
        stopTimer(me, static_cast<TimerKind>(k));
    freshTcb(me, isn);
    acceptSyn(me, seg, Reason::TimeWaitNewIncarnation);
}

}  // namespace finwave::detail
