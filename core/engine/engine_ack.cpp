// When an ACK leaves: at once, or after the delayed-ACK time (RFC 9293 §3.8.6.3; RFC 1122
// §4.2.3.2), and in the linux profile Linux's quick-ack and pingpong modes (tcp_input.c
// __tcp_ack_snd_check(), tcp_event_data_recv(), tcp_incr_quickack(), tcp_enter_quickack_mode();
// tcp_output.c tcp_event_data_sent(), tcp_event_ack_sent(), tcp_send_delayed_ack()).
#include "core/engine/internal/engine.h"

#include <algorithm>

namespace finwave::detail {

namespace {
constexpr Micros kDelackMax = 200 * kMs;  // include/net/tcp.h TCP_DELACK_MAX
}  // namespace

// tcp_incr_quickack(): room for rcv_wnd / (2 * rcv_mss) immediate ACKs (at least 2), capped at
// TCP_MAX_QUICKACKS (ProtocolParams::quickAcks); the budget only grows here.
void Engine::refillQuickAcks(Side me) {
    Endpoint& e = ep(m_s, me);
    std::uint32_t budget = receiveWindow(e) / (2 * std::max<std::uint32_t>(1, m_s.params.mss));
    if (budget == 0)
        budget = 2;
    budget = std::min<std::uint32_t>(budget, static_cast<std::uint32_t>(std::max(0, m_s.params.quickAcks)));
    e.quickAcks = std::max(e.quickAcks, static_cast<int>(budget));
}

// tcp_enter_quickack_mode(): refill the budget and leave pingpong mode (out-of-order or duplicate
// data: the sender must hear about it at once).
void Engine::enterQuickAckMode(Side me) {
    if (!isLinux(m_s.params))
        return;
    Endpoint& e = ep(m_s, me);
    refillQuickAcks(me);
    e.pingpong = false;
    e.ato = m_s.params.delayedAckTimeout;
}

// tcp_event_data_recv(): the first data segment starts the delayed-ACK engine with a full
// quick-ack budget; a gap longer than the RTO refills it.
void Engine::noteDataReceived(Side me) {
    if (!isLinux(m_s.params))
        return;
    Endpoint& e = ep(m_s, me);
    if (e.ato == 0) {
        refillQuickAcks(me);
        e.ato = m_s.params.delayedAckTimeout;  // TCP_ATO_MIN
    } else if (m_s.now - e.lastReceivedAt > e.rto) {
        refillQuickAcks(me);
    }
    e.lastReceivedAt = m_s.now;
}

// tcp_event_data_sent(): data sent within the ACK timeout of the last data received is a reply,
// so the connection is interactive (pingpong) and its ACKs may wait for the next reply.
void Engine::noteDataSent(Side me) {
    Endpoint& e = ep(m_s, me);
    if (isLinux(m_s.params) && e.ato > 0 && m_s.now - e.lastReceivedAt < e.ato)
        e.pingpong = true;
}

// tcp_event_ack_sent() -> tcp_dec_quickack_mode(): every ACK sent uses one quick ACK.
void Engine::noteAckSent(Side me) {
    Endpoint& e = ep(m_s, me);
    if (e.quickAcks > 0)
        --e.quickAcks;
}

// tcp_delack_timer_handler(): the delayed ACK went out alone, no reply carried it. In pingpong
// mode that means the connection is not interactive after all: leave pingpong, ATO back to
// TCP_ATO_MIN; otherwise the ACK timeout doubles, up to the RTO.
void Engine::delayedAckMissed(Side me) {
    if (!isLinux(m_s.params))
        return;
    Endpoint& e = ep(m_s, me);
    if (e.pingpong) {
        e.pingpong = false;
        e.ato = m_s.params.delayedAckTimeout;
    } else {
        e.ato = std::min(2 * e.ato, e.rto);
    }
}

// tcp_send_delayed_ack(): an ACK timeout above TCP_DELACK_MIN is capped at 500 ms, at
// TCP_DELACK_MAX (200 ms) in pingpong mode, and at the smoothed RTT (but not under TCP_DELACK_MIN).
Micros Engine::delayedAckTime(const Endpoint& e) const {
    const Micros floor = m_s.params.delayedAckTimeout;  // TCP_DELACK_MIN
    if (!isLinux(m_s.params) || e.ato <= floor)
        return isLinux(m_s.params) ? e.ato : floor;
    Micros cap = e.pingpong ? kDelackMax : 500 * kMs;
    if (e.haveRtt)
        cap = std::min(cap, std::max(e.srtt, floor));
    return std::min(e.ato, cap);
}

// Sends the ACK now, or owes it for up to the delayed-ACK time. RFC profile: every ACK may wait
// when delayed ACK is on, but a second segment is ACKed at once (RFC 1122 §4.2.3.2: at least every
// second full-sized segment). Linux profile (__tcp_ack_snd_check()): at once in quick-ack mode
// (budget left and not pingpong); a delay with icsk_ack.ato still 0 (no data received yet) arms
// the timer for the current tick, so that ACK leaves at once as well.
void Engine::acknowledge(Side me, AckUrgency urgency, Reason why) {
    Endpoint& e = ep(m_s, me);
    bool now = urgency == AckUrgency::Now || !m_s.params.delayedAck || e.ackPending;
    if (!now && isLinux(m_s.params))
        now = (e.quickAcks > 0 && !e.pingpong) || e.ato == 0;
    if (now) {
        sendAck(me, why);
        return;
    }
    e.ackPending = true;
    startTimer(me, TimerKind::DelayedAck, delayedAckTime(e), Reason::TimerDelayedAck);
}

}  // namespace finwave::detail
