// Segments reaching an endpoint without a synchronized connection: CLOSED (RFC 9293 §3.10.7.1),
// LISTEN (§3.10.7.2) and SYN-SENT (§3.10.7.3).
#include "core/engine.h"

namespace finwave::detail {

// No TCB: everything but RST is answered with RST (RFC 9293 §3.5.2 group 1, rules.md R5, X1).
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
    Endpoint& e = ep(m_s, me);
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
    e.irs = seg.seq;
    e.rcvNxt = seg.seq + 1;
    e.synSent = true;
    e.sndUna = e.iss;
    e.sndNxt = e.iss + 1;
    setState(me, TcpState::SynReceived, Reason::SynReceived);
    sendSyn(me, true);
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
            closeTcb(me, Reason::RstReceivedClosed, CloseCause::Reset);
        return;
    }
    if (!seg.has(flag::Syn))
        return;
    e.irs = seg.seq;
    e.rcvNxt = seg.seq + 1;
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
    sendSyn(me, true);
}

}  // namespace finwave::detail
