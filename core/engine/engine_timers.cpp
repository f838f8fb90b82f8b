// Timers of an endpoint (RFC 9293 §3.8, §3.10.8): start, stop, and what each does when it fires.
#include "core/engine/internal/engine.h"

#include <algorithm>
#include <iterator>

namespace finwave::detail {

namespace {
constexpr Reason kTimerReasons[] = {Reason::TimerRtx, Reason::TimerTimeWait, Reason::TimerDelayedAck,
                                    Reason::TimerFinWait2, Reason::TimerUser, Reason::TimerLossProbe};
static_assert(std::size(kTimerReasons) == kTimerCount);

// The reason a timer's start, stop and fire records carry.
Reason timerReason(TimerKind k) { return kTimerReasons[timerIndex(k)]; }
}  // namespace

void Engine::onTimer(const Event& e) {
    Endpoint& me = ep(m_s, e.side);
    Timer& t = me.timers[timerIndex(e.timer)];
    t.running = false;
    t.queuedFor = -1;
    ++t.generation;
    if (recording()) {
        TraceRecord r = base(EventKind::TimerFire, e.side, timerReason(e.timer));
        r.timer = e.timer;
        put(r);
    }
    switch (e.timer) {
    case TimerKind::Retransmission: retransmit(e.side); break;
    case TimerKind::LossProbe: sendLossProbe(e.side); break;
    case TimerKind::TimeWait: closeTcb(e.side, Reason::TimeWaitExpired, CloseCause::Graceful); break;  // T6
    case TimerKind::DelayedAck:
        if (me.ackPending) {
            delayedAckMissed(e.side);
            sendAck(e.side, Reason::SendDelayedAck);
        }
        break;
    case TimerKind::FinWait2: closeTcb(e.side, Reason::FinWait2TimeoutClosed, CloseCause::TimedOut); break;  // F2d
    case TimerKind::User:
        if (me.state != TcpState::Closed)
            closeTcb(e.side, Reason::UserTimeoutClosed, CloseCause::TimedOut);
        break;
    case TimerKind::None: break;
    }
}

// Linux: an orphan in FIN_WAIT_2 lives at most tcp_fin_timeout, at least 3.5 RTO (tcp_fin_time(),
// include/net/tcp.h). RFC 9293 has no such timer (finWait2Timeout = 0).
void Engine::startFinWait2Timer(Side side) {
    if (m_s.params.finWait2Timeout > 0)
        startTimer(side, TimerKind::FinWait2, std::max(m_s.params.finWait2Timeout, ep(m_s, side).rto * 7 / 2),
                   Reason::TimerFinWait2);
}

void Engine::startTimer(Side side, TimerKind k, Micros after, Reason why) {
    Timer& t = ep(m_s, side).timers[timerIndex(k)];
    t.running = true;
    t.started = m_s.now;
    t.deadline = m_s.now + after;
    if (t.queuedFor < 0 || t.queuedFor > t.deadline) {  // else the live entry comes first and moves
        ++t.generation;
        t.queuedFor = t.deadline;
        Event e;
        e.type = EventType::Timer;
        e.t = t.deadline;
        e.side = side;
        e.timer = k;
        e.tag = t.generation;
        schedule(e);
    }
    if (recording()) {
        TraceRecord r = base(EventKind::TimerStart, side, why);
        r.timer = k;
        r.deadline = t.deadline;
        put(r);
    }
}

void Engine::stopRunningTimer(Side side, TimerKind k) {
    Timer& t = ep(m_s, side).timers[timerIndex(k)];
    t.running = false;  // the live entry, if any, is dropped when it reaches the front
    if (recording()) {
        TraceRecord r = base(EventKind::TimerStop, side, timerReason(k));
        r.timer = k;
        put(r);
    }
}

}  // namespace finwave::detail
