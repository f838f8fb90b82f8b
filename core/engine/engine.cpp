// The protocol machine's event queue (one event per step, ordered by time and insertion), segments
// arriving and dying in flight, the changes of state checked against the transition table, the TCB's
// start and end, and the trace records.
#include "core/engine/internal/engine.h"

#include "core/protocol/transitions.h"

#include <algorithm>

namespace finwave::detail {

namespace {
constexpr Micros kTimeoutFallback = 3 * kSec;  // RFC 6298 (5.7); include/net/tcp.h TCP_TIMEOUT_FALLBACK

// Min-heap on (time, insertion order): events are atomic and ordered.
bool later(const Event& a, const Event& b) {
    return a.t != b.t ? a.t > b.t : a.order > b.order;
}

}  // namespace

void Engine::initialize() {
    m_s.queue.clear();
    m_s.faultHits.assign(m_sc.faults.size(), 0);
    m_s.actionArmed.assign(m_sc.actions.size(), 0);
    m_s.issChanges.clear();
    m_s.params = m_sc.params;
    m_s.channel[0] = ChannelState{m_sc.ab, 0};
    m_s.channel[1] = ChannelState{m_sc.ba, 0};
    m_s.rng.reseed(m_sc.seed);
    m_s.now = 0;
    m_s.step = 0;
    m_s.nextOrder = 0;
    m_s.nextSegmentId = 1;
    m_s.retransmissions = 0;
    m_s.unlistedTransitions = 0;
    m_s.dropNextArmed = {};  // a drop-next armed before a reset belongs to the old run

    const EndpointSetup* setups[2] = {&m_sc.a, &m_sc.b};
    // A connection that starts ESTABLISHED has already measured its round trip; seed the RTT
    // estimator with it (RFC 6298 (2.2)) so the RTO is what a live connection would use.
    const Micros rtt = m_sc.ab.delay + m_sc.ba.delay;
    for (int i = 0; i < 2; ++i) {
        const EndpointSetup& me = *setups[i];
        const EndpointSetup& peer = *setups[1 - i];
        Endpoint e;
        e.state = initialState(me);
        e.iss = me.iss;
        e.lingerZero = me.lingerZero;
        e.linger2Negative = me.linger2Negative;
        e.autoRead = me.autoRead;
        e.listenAgain = me.listenAgain;
        e.offersSack = me.sackPermitted;
        e.offersTimestamps = me.timestamps;
        if (e.state == TcpState::Established) {
            // The options were negotiated in the handshake before the run (RFC 2018 §2, RFC 7323
            // §3.2); TS.Recent is the peer's TSval of then.
            e.peerSack = peer.sackPermitted;
            e.peerTimestamps = peer.timestamps;
            e.sackOk = e.offersSack && e.peerSack;
            e.tsOk = e.offersTimestamps && e.peerTimestamps;
            e.incarnation = 1;
            e.synSent = true;
            e.sndUna = e.sndNxt = me.iss + 1 + me.alreadySent;
            e.irs = peer.iss;
            e.rcvNxt = peer.iss + 1 + peer.alreadySent;
            e.delivered = peer.alreadySent;
            e.srtt = rtt;
            e.rttvar = rtt / 2;
            e.haveRtt = true;
        }
        e.rto = computeRto(e, m_s.params);
        if (e.tsOk) {
            e.tsRecent = tsValueAt(i == 0 ? Side::B : Side::A, -m_sc.ab.delay);
            e.tsRecentValid = true;
        }
        initWindows(e, m_s.params);
        if (e.state == TcpState::Established && e.autoRead)
            e.waitingIn = SocketCall::Read;  // a reading application, in read() since before the run
        m_s.ep[i] = e;
    }
    for (const Fault& f : m_sc.faults) {
        if (f.kind != Fault::Kind::InjectRst)
            continue;
        Event e;
        e.type = EventType::Arrive;
        e.t = e.sentAt = e.arrivesAt = f.at;
        e.side = receiverOf(f.dir);
        e.forged = true;
        e.seg.seq = static_cast<std::uint32_t>(f.seqOffset);
        e.seg.flags = flag::Rst;
        e.seg.dir = f.dir;
        schedule(e);
    }
    for (std::size_t i = 0; i < m_sc.actions.size(); ++i) {
        const AppAction& a = m_sc.actions[i];
        const bool now = a.trigger == AppAction::Trigger::AtTime ||
                         (a.trigger == AppAction::Trigger::AfterEstablished &&
                          ep(m_s, a.side).state == TcpState::Established);
        if (!now)
            continue;
        m_s.actionArmed[i] = 1;
        Event e;
        e.type = EventType::App;
        e.t = a.delay;
        e.side = a.side;
        e.tag = static_cast<std::uint32_t>(i);
        schedule(e);
    }
    m_s.traceSize = m_trace ? m_trace->size() : 0;
}

void Engine::schedule(const Event& e) {
    m_s.queue.push_back(e);
    m_s.queue.back().order = static_cast<std::uint32_t>(m_s.nextOrder++);
    std::push_heap(m_s.queue.begin(), m_s.queue.end(), later);
}

void Engine::dropSkipped() {
    while (!m_s.queue.empty()) {
        const Event& top = m_s.queue.front();
        if (top.type == EventType::Output) {
            if (ep(m_s, top.side).outputPending)
                return;
        } else if (top.type != EventType::Timer) {
            return;
        } else {
            Timer& t = ep(m_s, top.side).timers[timerIndex(top.timer)];
            if (t.generation == top.tag) {  // the live entry
                if (t.running && t.deadline == top.t)
                    return;
                Event moved = top;
                std::pop_heap(m_s.queue.begin(), m_s.queue.end(), later);
                m_s.queue.pop_back();
                t.queuedFor = -1;
                if (t.running) {  // restarted since: move it to the new deadline
                    moved.t = t.deadline;
                    t.queuedFor = t.deadline;
                    schedule(moved);
                }
                continue;
            }
        }
        std::pop_heap(m_s.queue.begin(), m_s.queue.end(), later);
        m_s.queue.pop_back();
    }
}

// The front of the queue is never a stale timer: timers are started and stopped only inside
// events, and dropSkipped() runs after each one.
bool Engine::runOne() {
    if (m_s.queue.empty() || m_s.queue.front().t > m_sc.horizon)
        return false;
    std::pop_heap(m_s.queue.begin(), m_s.queue.end(), later);
    const Event e = m_s.queue.back();
    m_s.queue.pop_back();
    m_s.now = e.t;
    ++m_s.step;
    switch (e.type) {
    case EventType::App: onApp(e); break;
    case EventType::Arrive: onArrive(e); break;
    case EventType::Drop: onDrop(e); break;
    case EventType::Timer: onTimer(e); break;
    case EventType::Output: output(e.side); break;
    }
    dropSkipped();
    m_s.traceSize = m_trace ? m_trace->size() : 0;
    return true;
}

bool Engine::dropInFlight(std::uint32_t segmentId, Micros at) {
    for (Event& e : m_s.queue) {
        if (e.type == EventType::Arrive && !e.duplicate && !e.forged && e.seg.id == segmentId) {
            e.type = EventType::Drop;
            e.t = std::clamp(at, m_s.now, e.arrivesAt);  // time never goes back
            e.order = static_cast<std::uint32_t>(m_s.nextOrder++);
            setDropReason(e, Reason::LostByUser);
            std::make_heap(m_s.queue.begin(), m_s.queue.end(), later);
            return true;
        }
    }
    return false;
}

std::uint32_t Engine::dropEarliestInFlight(Side sender) {
    const Event* earliest = nullptr;
    for (const Event& e : m_s.queue)
        if (e.type == EventType::Arrive && !e.duplicate && !e.forged && senderOf(e.seg.dir) == sender &&
            (!earliest || e.arrivesAt < earliest->arrivesAt))
            earliest = &e;
    const std::uint32_t id = earliest ? earliest->seg.id : 0;
    return id != 0 && dropInFlight(id, m_s.now) ? id : 0;
}

void Engine::onApp(const Event& e) {
    appCall(e.side, m_sc.actions[e.tag]);
}

void Engine::scheduleOutput(Side side) {
    Endpoint& me = ep(m_s, side);
    if (me.outputPending)
        return;
    me.outputPending = true;
    Event e;
    e.type = EventType::Output;
    e.t = m_s.now;
    e.side = side;
    schedule(e);
}

void Engine::onArrive(const Event& e) {
    Segment seg = e.seg;
    if (e.forged) {  // aimed at the receiver's current window
        seg.seq = ep(m_s, e.side).rcvNxt + e.seg.seq;
        seg.id = m_s.nextSegmentId++;
    }
    if (recording()) {
        const Reason why = e.forged ? Reason::InjectedRst : e.duplicate ? Reason::DuplicateDelivered : Reason::Arrive;
        TraceRecord r = base(EventKind::Arrive, e.side, why);
        r.seg = seg;
        r.hasSegment = true;
        r.sentAt = e.sentAt;
        r.arrivesAt = e.arrivesAt;
        r.opts = sentOptions(e);
        put(r);
    }
    const Endpoint& sender = ep(m_s, senderOf(seg.dir));
    m_staleArrival = !e.forged && e.tag != sender.incarnation;
    // Its TSval, from the sender's clock when it left (RFC 7323 §3; what PAWS compares).
    m_arrivalTsVal = seg.carries(option::Timestamps) ? std::optional(tsValueAt(senderOf(seg.dir), e.sentAt)) : std::nullopt;
    receive(e.side, seg);
    m_staleArrival = false;
    m_arrivalTsVal.reset();
}

void Engine::onDrop(const Event& e) {
    if (recording()) {
        TraceRecord r = base(EventKind::Drop, Side::Net, dropReason(e));
        r.seg = e.seg;
        r.hasSegment = true;
        r.sentAt = e.sentAt;
        r.arrivesAt = e.arrivesAt;
        r.opts = sentOptions(e);
        put(r);
    }
}

// The option values a segment left with, from its Send record.
SegmentOptions Engine::sentOptions(const Event& e) const {
    if (e.forged || !m_trace || e.sendRecord >= m_trace->size())
        return {};
    return (*m_trace)[e.sendRecord].opts;
}

// Every change of state goes through here, so each one is recorded with its reason.
void Engine::setState(Side side, TcpState to, Reason why) {
    Endpoint& e = ep(m_s, side);
    const TcpState from = e.state;
    if (from == to)
        return;
    if (!isListedTransition(from, to, why))
        ++m_s.unlistedTransitions;
    e.state = to;
    // A connection begins with a SYN sent from CLOSED or accepted in LISTEN or TIME_WAIT; from the
    // second on, the trace marks the new incarnation (same addresses and ports, RFC 9293 §3.4.2).
    const bool begins = (from == TcpState::Closed && to == TcpState::SynSent) ||
                        ((from == TcpState::Listen || from == TcpState::TimeWait) && to == TcpState::SynReceived);
    if (recording()) {
        TraceRecord r = base(EventKind::State, side, why);
        r.from = from;
        r.to = to;
        put(r);
    }
    if (begins && ++e.incarnation > 1)
        note(side, Reason::NewIncarnation);
    if (to == TcpState::Established) {
        // RFC 6298 (5.7), a MUST: after a retransmitted SYN or SYN,ACK the RTO starts data
        // transmission at 3 s (Linux TCP_TIMEOUT_FALLBACK, set by tcp_init_metrics() when the
        // handshake gave no RTT sample). It holds until the first RTT sample.
        if (e.synRetransmitted && !e.haveRtt) {
            e.rtoFallback = kTimeoutFallback;
            e.rto = computeRto(e, m_s.params);
        }
        appOnEstablished(side);
        trigger(side, AppAction::Trigger::AfterEstablished);
    }
}

// Delete the TCB (RFC 9293 §3.10.7.4, §3.10.5): timers off, queues flushed, CLOSED.
void Engine::closeTcb(Side side, Reason why, CloseCause cause, bool byPeer) {
    Endpoint& e = ep(m_s, side);
    const TcpState from = e.state;
    for (int k = 1; k <= kTimerCount; ++k)
        stopTimer(side, static_cast<TimerKind>(k));
    e.unsent = 0;
    e.heldCount = 0;
    e.ackPending = false;
    e.cause = cause;
    e.closedAt = m_s.now;
    setState(side, TcpState::Closed, why);
    appOnEnd(side, from, cause, byPeer);
    // A server's listener outlives the connection: it listens again (O1) for the next one, and its
    // application waits in accept().
    if (e.listenAgain && from != TcpState::Listen) {
        freshTcb(side, e.iss);
        setState(side, TcpState::Listen, Reason::ListenOpened);
        e.waitingIn = e.appClosed ? SocketCall::None : SocketCall::Accept;
        e.waitingSince = m_s.now;
    }
}

// A new connection on this endpoint starts from an empty TCB; the application's settings, the
// timers (their generations keep stale queue entries dead) and the incarnation count stay.
void Engine::freshTcb(Side side, std::uint32_t iss) {
    Endpoint& e = ep(m_s, side);
    if (iss != e.iss)
        m_s.issChanges.push_back(IssChange{m_s.nextSegmentId, iss, side});
    Endpoint n;
    n.state = e.state;
    n.iss = iss;
    n.lingerZero = e.lingerZero;
    n.linger2Negative = e.linger2Negative;
    n.autoRead = e.autoRead;
    n.listenAgain = e.listenAgain;
    n.waitingIn = e.waitingIn;  // the application carries on into the new connection
    n.waitingSince = e.waitingSince;
    n.pendingWrite = e.pendingWrite;
    n.writeSince = e.writeSince;
    n.appClosed = e.appClosed;
    n.offersSack = e.offersSack;
    n.offersTimestamps = e.offersTimestamps;
    n.timers = e.timers;
    n.incarnation = e.incarnation;
    n.cause = e.cause;
    n.closedAt = e.closedAt;
    n.outputPending = e.outputPending;
    n.rto = computeRto(n, m_s.params);
    initWindows(n, m_s.params);
    e = n;
}

// RFC 9293 §3.10.7.4 Eighth: "enter the TIME-WAIT state, start the time-wait timer, turn off the
// other timers".
void Engine::enterTimeWait(Side side, Reason why) {
    stopTimer(side, TimerKind::Retransmission);
    stopTimer(side, TimerKind::LossProbe);
    stopTimer(side, TimerKind::DelayedAck);
    stopTimer(side, TimerKind::FinWait2);
    ep(m_s, side).ackPending = false;
    setState(side, TcpState::TimeWait, why);
    startTimer(side, TimerKind::TimeWait, m_s.params.timeWait, Reason::TimerTimeWait);
}

void Engine::trigger(Side side, AppAction::Trigger t) {
    for (std::size_t i = 0; i < m_sc.actions.size(); ++i) {
        const AppAction& a = m_sc.actions[i];
        if (m_s.actionArmed[i] || a.side != side || a.trigger != t)
            continue;
        m_s.actionArmed[i] = 1;
        Event e;
        e.type = EventType::App;
        e.t = m_s.now + a.delay;
        e.side = side;
        e.tag = static_cast<std::uint32_t>(i);
        schedule(e);
    }
}

TraceRecord Engine::base(EventKind kind, Side side, Reason reason) const {
    TraceRecord r;
    r.t = m_s.now;
    r.step = static_cast<std::uint32_t>(m_s.step);
    r.kind = kind;
    r.side = side;
    r.reason = reason;
    return r;
}

void Engine::note(Side side, Reason reason, const Segment* seg) {
    if (!recording())
        return;
    TraceRecord r = base(EventKind::Note, side, reason);
    if (seg) {
        r.seg = *seg;
        r.hasSegment = true;
    }
    put(r);
}

void Engine::put(const TraceRecord& rec) {
    TraceRecord r = rec;
    r.stateA = m_s.ep[0].state;
    r.stateB = m_s.ep[1].state;
    m_trace->append(r);
}

}  // namespace finwave::detail
