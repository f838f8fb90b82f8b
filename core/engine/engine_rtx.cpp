// Retransmission: RTT samples and the RTO (RFC 6298), the retransmission timer (RFC 9293 §3.10.8)
// and, in the linux profile, the tail-loss probe (RFC 8985 §7; Linux tcp_schedule_loss_probe(),
// tcp_send_loss_probe() in net/ipv4/tcp_output.c).
#include "core/engine/internal/engine.h"
#include "core/engine/internal/segment_builder.h"

#include <algorithm>

namespace finwave::detail {

namespace {
constexpr Micros kTimeoutInit = 1 * kSec;  // include/net/tcp.h TCP_TIMEOUT_INIT: PTO with no RTT yet
constexpr Micros kTimeoutMin = 2 * kMs;    // TCP_TIMEOUT_MIN: the PTO's slack with several in flight
}  // namespace

Micros computeRto(const Endpoint& e, const ProtocolParams& p) {
    if (!e.haveRtt)
        return std::min(std::max(p.rtoInitial, e.rtoFallback), p.rtoMax);
    Micros rto;
    if (isLinux(p))
        rto = e.srtt + std::max(4 * e.rttvar, p.rtoMin);  // tcp_set_rto(): SRTT + max(RTTVAR, rto_min)
    else
        rto = std::max(p.rtoMin, e.srtt + std::max<Micros>(1000, 4 * e.rttvar));  // RFC 6298 (2.3), (2.4)
    return std::min(rto, p.rtoMax);
}

void Engine::startRtxIfIdle(Side me) {
    if (!timerRunning(me, TimerKind::Retransmission))
        startTimer(me, TimerKind::Retransmission, ep(m_s, me).rto, Reason::TimerRtx);
}

// RFC 6298 §2: SRTT/RTTVAR from one sample; Karn's rule is kept by clearing rttPending whenever
// a segment is retransmitted.
void Engine::sampleRtt(Endpoint& e, std::uint32_t ack) {
    if (!e.rttPending || seqLt(ack, e.rttSeq))
        return;
    const Micros r = m_s.now - e.rttSentAt;
    if (!e.haveRtt) {
        e.srtt = r;
        e.rttvar = r / 2;
        e.haveRtt = true;
    } else {
        const Micros diff = e.srtt > r ? e.srtt - r : r - e.srtt;
        e.rttvar = (3 * e.rttvar + diff) / 4;
        e.srtt = (7 * e.srtt + r) / 8;
    }
    e.rttPending = false;
    e.rto = computeRto(e, m_s.params);
}

// RTX expiry (RFC 9293 §3.10.8; RFC 6298 (5.4)-(5.6)); gives up at the retry limit (§3.8.3 R2; Linux
// tcp_orphan_retries for orphans), silently (F1g; Linux tcp_write_err()).
void Engine::retransmit(Side me) {
    Endpoint& e = ep(m_s, me);
    if (e.sndUna == e.sndNxt)
        return;
    const int limit = (isLinux(m_s.params) && e.orphan) ? m_s.params.orphanRetries : m_s.params.maxRetries;
    const bool timeUp = m_s.params.giveUpAfter > 0 && m_s.now - e.frontFirstSent >= m_s.params.giveUpAfter;
    if (e.retries >= limit || timeUp) {
        // Which limit ended it, and after how many retransmissions: the count (R1 as a number) or
        // the time since the segment was first sent (R2 as time, RFC 9293 §3.8.3).
        if (recording()) {
            TraceRecord r = base(EventKind::Note, me, e.retries >= limit ? Reason::GaveUpRetryLimit : Reason::GaveUpTimeLimit);
            r.bytes = static_cast<std::uint32_t>(e.retries);
            put(r);
        }
        closeTcb(me, Reason::RetriesExhaustedClosed, CloseCause::GaveUp);
        return;
    }
    stopTimer(me, TimerKind::LossProbe);
    Segment seg = queuedSegmentAt(e, e.sndUna, m_s.params.mss);
    cancelDelayedAck(me);
    if (seg.has(flag::Syn))
        e.synRetransmitted = true;
    onRetransmissionTimeout(e);
    ++e.retries;
    ++m_s.retransmissions;
    seg.transmission = static_cast<std::uint8_t>(std::min(e.retries, 255));
    e.rttPending = false;                              // Karn
    e.rto = std::min(e.rto * 2, m_s.params.rtoMax);    // (5.5)
    transmit(me, seg, Reason::Retransmit);
    startTimer(me, TimerKind::Retransmission, e.rto, Reason::TimerRtx);  // (5.6)
}

// RFC 8985 §7.2 as Linux's tcp_schedule_loss_probe() does it: a probe is allowed once per tail,
// outside loss recovery, on a synchronized connection with something in flight, and only while
// SACK is in use (it returns early unless tcp_is_sack()): without SACK the RTO alone resends.
bool Engine::lossProbeAllowed(const Endpoint& e) const {
    const bool synchronized = e.state != TcpState::SynSent && e.state != TcpState::SynReceived;
    return isLinux(m_s.params) && e.sackOk && synchronized && e.retries == 0 && !e.probeOutstanding &&
           seqLt(e.sndUna, e.sndNxt);
}

// After new data or a FIN leaves (and after an ACK that leaves data in flight): the linux profile
// arms the probe timer in place of the RTO, at PTO = 2 SRTT plus TCP_RTO_MIN when one segment is in
// flight (RFC 8985's allowance for a delayed ACK) or TCP_TIMEOUT_MIN otherwise, never later than
// the RTO would fire. Otherwise the RTO runs (RFC 6298 (5.1), (5.3)).
void Engine::armRetransmission(Side me, RtoRestart restart) {
    Endpoint& e = ep(m_s, me);
    if (!lossProbeAllowed(e)) {
        stopTimer(me, TimerKind::LossProbe);
        if (restart == RtoRestart::Always || !timerRunning(me, TimerKind::Retransmission))
            startTimer(me, TimerKind::Retransmission, e.rto, Reason::TimerRtx);
        return;
    }
    Micros pto = kTimeoutInit;
    if (e.haveRtt)
        pto = 2 * e.srtt + (queuedSegmentCount(e, m_s.params.mss) == 1 ? m_s.params.rtoMin : kTimeoutMin);
    const Micros rtoLeft = e.frontFirstSent + e.rto - m_s.now;
    if (rtoLeft > 0)
        pto = std::min(pto, rtoLeft);
    stopTimer(me, TimerKind::Retransmission);
    startTimer(me, TimerKind::LossProbe, pto, Reason::TimerLossProbe);
}

// tcp_send_loss_probe(): resend the last segment in flight, then re-arm the RTO from now without
// backing it off (tcp_rearm_rto()); only the retransmissions that follow double it.
void Engine::sendLossProbe(Side me) {
    Endpoint& e = ep(m_s, me);
    if (!seqLt(e.sndUna, e.sndNxt))
        return;
    Segment seg = queuedSegmentAt(e, lastQueuedSegmentStart(e, m_s.params.mss), m_s.params.mss);
    cancelDelayedAck(me);
    e.probeOutstanding = true;
    e.probeHighSeq = e.sndNxt;
    e.rttPending = false;  // Karn
    ++m_s.retransmissions;
    seg.transmission = 1;
    transmit(me, seg, Reason::TailLossProbe);
    // The RTO counts from the head's last transmission: the probe itself when it resent the head.
    const Micros rtoLeft = seg.seq == e.sndUna ? e.rto : std::max<Micros>(1, e.frontFirstSent + e.rto - m_s.now);
    startTimer(me, TimerKind::Retransmission, rtoLeft, Reason::TimerRtx);
}

}  // namespace finwave::detail
