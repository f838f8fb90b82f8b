// Public face of the engine: stepping, time travel through checkpoints, and read-only views.
#include "core/simulator.h"

#include "core/engine.h"
#include "core/segment_builder.h"

#include <algorithm>
#include <map>

namespace finwave {

using detail::Engine;
using detail::State;

namespace {
constexpr std::uint64_t kCheckpointEvery = 32;

// No connection left: CLOSED, or a server that listens again back in LISTEN.
bool connectionGone(const detail::Endpoint& e) {
    return e.state == TcpState::Closed || (e.listenAgain && e.state == TcpState::Listen);
}
constexpr std::size_t kQueueViewLimit = 4096;  // the inspector lists at most this many segments
}

struct Simulator::Impl {
    Scenario scenario;
    SimulatorOptions options;
    State state;
    Trace trace;
    std::vector<State> checkpoints;  // sorted by step
    // What the user set last; it survives step back (a parameter change applies from now on).
    ProtocolParams params;
    std::array<ChannelParams, 2> channels;

    std::optional<Trace> replay;  // replay mode: the records to step through

    Engine engine() { return Engine(state, scenario, options.recordTrace ? &trace : nullptr); }

    // Replay: both ends' states as the records up to `n` leave them.
    void replayStates(std::size_t n) {
        const Trace& r = *replay;
        TcpState a = TcpState::Closed, b = TcpState::Closed;
        if (n > 0) {
            a = trace[n - 1].stateA;
            b = trace[n - 1].stateB;
        } else if (!r.empty()) {
            a = r[0].stateA;
            b = r[0].stateB;
            if (r[0].kind == EventKind::State)
                (r[0].side == Side::A ? a : b) = r[0].from;
        }
        detail::ep(state, Side::A).state = a;
        detail::ep(state, Side::B).state = b;
        state.now = n > 0 ? trace[n - 1].t : 0;
        // The inspector's sequence variables, as far as the records show them (RFC 9293 §3.3.1).
        for (Side side : {Side::A, Side::B}) {
            detail::Endpoint& e = detail::ep(state, side);
            e.sndUna = e.sndNxt = e.iss + 1;
            e.rcvNxt = 0;
            e.finSent = e.finReceived = false;
            e.unsent = e.unread = 0;
        }
        for (std::size_t i = 0; i < n; ++i) {
            const TraceRecord& r = trace[i];
            if (!r.hasSegment || (r.kind != EventKind::Send && r.kind != EventKind::Arrive))
                continue;
            const Segment& g = r.seg;
            const std::uint32_t end = g.seq + g.seqSpace();
            if (r.kind == EventKind::Send) {
                detail::Endpoint& e = detail::ep(state, senderOf(g.dir));
                if (detail::seqLt(e.sndNxt, end))
                    e.sndNxt = end;
                e.finSent = e.finSent || g.has(flag::Fin);
            } else {
                detail::Endpoint& e = detail::ep(state, receiverOf(g.dir));
                if (g.has(flag::Syn))
                    e.irs = g.seq;
                if (e.rcvNxt == 0 || detail::seqLt(e.rcvNxt, end))
                    e.rcvNxt = end;
                if (g.has(flag::Ack) && detail::seqLt(e.sndUna, g.ack) && detail::seqLe(g.ack, e.sndNxt))
                    e.sndUna = g.ack;
                e.finReceived = e.finReceived || g.has(flag::Fin);
            }
        }
    }

    bool replayStep() {
        const Trace& r = *replay;
        std::size_t pos = trace.size();
        if (pos >= r.size())
            return false;
        const std::uint32_t step = r[pos].step;
        while (pos < r.size() && r[pos].step == step)
            trace.append(r[pos++]);
        ++state.step;
        replayStates(pos);
        return true;
    }

    void replayBackTo(std::uint64_t target) {
        std::size_t n = 0;
        std::uint64_t steps = 0;
        for (; n < trace.size(); ++n) {
            if (n == 0 || trace[n].step != trace[n - 1].step) {
                if (steps == target)
                    break;
                ++steps;
            }
        }
        trace.truncate(n);
        state.step = target;
        replayStates(n);
    }

    void restart() {
        if (replay) {
            trace.clear();
            checkpoints.clear();
            state.queue.clear();
            state.step = 0;
            replayStates(0);
            return;
        }
        trace.clear();
        checkpoints.clear();
        engine().initialize();
        params = scenario.params;
        channels = {scenario.ab, scenario.ba};
        checkpoint();
    }

    void checkpoint() {
        if (!options.keepHistory)
            return;
        while (!checkpoints.empty() && checkpoints.back().step >= state.step)
            checkpoints.pop_back();
        checkpoints.push_back(state);
    }

    // Brings the state back to `target` (< current step) by restoring a checkpoint and
    // replaying; then the user's current parameters apply from there on.
    void restoreTo(std::uint64_t target) {
        auto it = std::upper_bound(checkpoints.begin(), checkpoints.end(), target,
                                   [](std::uint64_t t, const State& s) { return t < s.step; });
        if (it == checkpoints.begin()) {
            trace.clear();
            engine().initialize();
        } else {
            state = *(it - 1);
            trace.truncate(state.traceSize);
        }
        Engine e = engine();
        while (state.step < target && e.runOne()) {
        }
        while (!checkpoints.empty() && checkpoints.back().step > target)
            checkpoints.pop_back();
        applyUserParams();
    }

    void applyUserParams() {
        const bool changed = state.params != params || state.channel[0].params != channels[0] ||
                             state.channel[1].params != channels[1];
        state.params = params;
        state.channel[0].params = channels[0];
        state.channel[1].params = channels[1];
        if (changed || (!checkpoints.empty() && checkpoints.back().step != state.step &&
                        state.step % kCheckpointEvery == 0))
            checkpoint();
    }
};

Simulator::Simulator(const Scenario& scenario, SimulatorOptions options) : m_impl(std::make_unique<Impl>()) {
    m_impl->options = options;
    m_impl->scenario = scenario;
    m_impl->restart();
}

Simulator::~Simulator() = default;

void Simulator::reset() { m_impl->restart(); }

void Simulator::load(const Scenario& scenario) {
    m_impl->replay.reset();
    m_impl->scenario = scenario;
    m_impl->restart();
}

void Simulator::loadReplay(const Trace& records, std::uint32_t issA, std::uint32_t issB, const std::string& title) {
    Scenario s;
    s.name = "capture";
    s.title = title;
    s.description = title;
    s.a.iss = issA;
    s.b.iss = issB;
    // The channels' delays as the records give them (the shortest flight each way), so views scale
    // their time axis to the captured round trip.
    Micros flight[2] = {-1, -1};
    for (const TraceRecord& r : records)
        if (r.kind == EventKind::Send && r.hasSegment) {
            Micros& f = flight[r.seg.dir == Direction::AtoB ? 0 : 1];
            const Micros d = r.arrivesAt - r.sentAt;
            if (d >= 0 && (f < 0 || d < f))
                f = d;
        }
    s.ab.delay = std::max<Micros>(flight[0], 0);
    s.ba.delay = std::max<Micros>(flight[1], 0);
    m_impl->replay.reset();
    m_impl->scenario = s;
    m_impl->restart();
    m_impl->state.issChanges.clear();
    m_impl->replay = records;
    m_impl->restart();
}

bool Simulator::isReplay() const { return m_impl->replay.has_value(); }

const Scenario& Simulator::scenario() const { return m_impl->scenario; }

bool Simulator::step() {
    if (m_impl->replay)
        return m_impl->replayStep();
    if (!m_impl->engine().runOne())
        return false;
    if (m_impl->state.step % kCheckpointEvery == 0)
        m_impl->checkpoint();
    return true;
}

bool Simulator::stepBack() {
    if (m_impl->state.step == 0)
        return false;
    if (m_impl->replay) {
        m_impl->replayBackTo(m_impl->state.step - 1);
        return true;
    }
    m_impl->restoreTo(m_impl->state.step - 1);
    return true;
}

void Simulator::seek(std::uint64_t target) {
    if (target < m_impl->state.step) {
        if (m_impl->replay)
            m_impl->replayBackTo(target);
        else
            m_impl->restoreTo(target);
        return;
    }
    while (m_impl->state.step < target && step()) {
    }
}

std::uint64_t Simulator::runToEnd(std::uint64_t maxSteps) {
    std::uint64_t n = 0;
    while (n < maxSteps && step())
        ++n;
    return n;
}

void Simulator::runUntil(Micros t) {
    while (true) {
        const auto next = nextEventTime();
        if (!next || *next > t || !step())
            return;
    }
}

bool Simulator::isFinished() const { return !nextEventTime().has_value(); }
std::uint64_t Simulator::stepIndex() const { return m_impl->state.step; }
Micros Simulator::now() const { return m_impl->state.now; }

std::optional<Micros> Simulator::nextEventTime() const {
    if (m_impl->replay) {
        const std::size_t pos = m_impl->trace.size();
        if (pos >= m_impl->replay->size())
            return std::nullopt;
        return (*m_impl->replay)[pos].t;
    }
    const State& s = m_impl->state;
    // Stale timer entries are removed after every event, so the front is a real event.
    if (s.queue.empty() || s.queue.front().t > m_impl->scenario.horizon)
        return std::nullopt;
    return s.queue.front().t;
}

Outcome Simulator::outcome() const {
    if (!isFinished())
        return Outcome::Running;
    using detail::CloseCause;
    const auto& ep = m_impl->state.ep;
    const auto any = [&](CloseCause c) { return ep[0].cause == c || ep[1].cause == c; };
    if (any(CloseCause::GaveUp))
        return Outcome::GaveUp;
    if (any(CloseCause::Reset))
        return Outcome::Reset;
    if (!connectionGone(ep[0]) || !connectionGone(ep[1]))
        return Outcome::Stuck;
    if (any(CloseCause::TimedOut))
        return Outcome::TimedOut;
    return Outcome::Graceful;
}

const Trace& Simulator::trace() const { return m_impl->trace; }

TcpState Simulator::state(Side side) const { return detail::ep(m_impl->state, side).state; }
std::uint32_t Simulator::iss(Side side) const { return detail::ep(m_impl->state, side).iss; }

TcbView Simulator::tcb(Side side) const {
    const detail::Endpoint& e = detail::ep(m_impl->state, side);
    const ProtocolParams& p = m_impl->state.params;
    TcbView v;
    v.state = e.state;
    v.iss = e.iss;
    v.irs = e.irs;
    v.sndUna = e.sndUna;
    v.sndNxt = e.sndNxt;
    v.rcvNxt = e.rcvNxt;
    v.unsentBytes = e.unsent;
    v.unreadBytes = e.unread;
    v.deliveredBytes = e.delivered;
    v.cwnd = e.cwnd;
    v.ssthresh = e.ssthresh;
    v.sndWnd = e.sndWnd;
    v.rcvWnd = detail::receiveWindow(e);
    v.rto = e.rto;
    v.retries = e.retries;
    v.finSent = e.finSent;
    v.finReceived = e.finReceived;
    v.orphan = e.orphan;
    if (e.state != TcpState::Closed) {
        v.retransmissionQueue = detail::retransmissionQueue(e, p.mss, kQueueViewLimit);
        for (Segment& s : v.retransmissionQueue)
            s.dir = directionFrom(side);
    }
    for (int k = 1; k <= detail::kTimerCount; ++k) {
        const detail::Timer& t = e.timers[k - 1];
        if (t.running)
            v.timers.push_back(TimerView{static_cast<TimerKind>(k), t.started, t.deadline});
    }
    return v;
}

std::vector<InFlight> Simulator::inFlight() const {
    std::vector<InFlight> out;
    if (m_impl->replay) {
        // Sent and not yet arrived nor dropped, by the records so far.
        std::map<std::uint32_t, InFlight> flying;
        for (const TraceRecord& r : m_impl->trace) {
            if (r.kind == EventKind::Send && r.hasSegment)
                flying[r.seg.id] = InFlight{r.seg, r.sentAt, r.arrivesAt, false, 0};
            else if (r.kind == EventKind::Arrive || r.kind == EventKind::Drop)
                flying.erase(r.seg.id);
        }
        for (const auto& [id, f] : flying)
            out.push_back(f);
        return out;
    }
    for (const detail::Event& e : m_impl->state.queue) {
        if (e.type == detail::EventType::Arrive || e.type == detail::EventType::Drop) {
            InFlight f;
            f.seg = e.seg;
            f.sentAt = e.sentAt;
            f.arrivesAt = e.arrivesAt;
            f.lost = e.type == detail::EventType::Drop;
            f.lostAt = f.lost ? e.t : 0;
            out.push_back(f);
        }
    }
    std::sort(out.begin(), out.end(), [](const InFlight& a, const InFlight& b) {
        return a.sentAt != b.sentAt ? a.sentAt < b.sentAt : a.seg.id < b.seg.id;
    });
    return out;
}

std::uint32_t Simulator::issAt(Side side, std::uint32_t segmentId) const {
    std::uint32_t iss = side == Side::A ? m_impl->scenario.a.iss : m_impl->scenario.b.iss;
    for (const detail::IssChange& c : m_impl->state.issChanges)
        if (c.side == side && c.firstSegmentId <= segmentId)
            iss = c.iss;
    return iss;
}

std::uint32_t Simulator::relativeSeq(const Segment& s) const { return s.seq - issAt(senderOf(s.dir), s.id); }

std::uint32_t Simulator::relativeAck(const Segment& s) const {
    return s.has(flag::Ack) ? s.ack - issAt(receiverOf(s.dir), s.id) : 0;
}

void Simulator::setChannel(Direction dir, const ChannelParams& params) {
    const int i = dir == Direction::AtoB ? 0 : 1;
    m_impl->channels[i] = params;
    m_impl->state.channel[i].params = params;
    m_impl->checkpoint();
}

ChannelParams Simulator::channel(Direction dir) const {
    return m_impl->channels[dir == Direction::AtoB ? 0 : 1];
}

void Simulator::setParams(const ProtocolParams& params) {
    m_impl->params = params;
    m_impl->state.params = params;
    m_impl->checkpoint();
}

const ProtocolParams& Simulator::params() const { return m_impl->params; }

void Simulator::setSeed(std::uint64_t seed) { m_impl->scenario.seed = seed; }

bool Simulator::dropInFlight(std::uint32_t segmentId, std::optional<Micros> at) {
    if (m_impl->replay)
        return false;  // a capture happened: nothing can be dropped
    if (!m_impl->engine().dropInFlight(segmentId, at.value_or(m_impl->state.now)))
        return false;
    m_impl->checkpoint();
    return true;
}

std::uint32_t Simulator::dropNext(Side sender) {
    if (m_impl->replay)
        return 0;
    if (const std::uint32_t id = m_impl->engine().dropEarliestInFlight(sender)) {
        m_impl->checkpoint();
        return id;
    }
    m_impl->state.dropNextArmed[sender == Side::A ? 0 : 1] = true;
    m_impl->checkpoint();
    return 0;
}

bool Simulator::isDropNextArmed(Side sender) const { return m_impl->state.dropNextArmed[sender == Side::A ? 0 : 1]; }

int Simulator::unlistedTransitions() const { return static_cast<int>(m_impl->state.unlistedTransitions); }

std::size_t Simulator::pendingEvents() const { return m_impl->state.queue.size(); }

int Simulator::retransmissions() const { return static_cast<int>(m_impl->state.retransmissions); }

std::optional<Micros> Simulator::bothClosedAt() const {
    const auto& ep = m_impl->state.ep;
    if (!connectionGone(ep[0]) || !connectionGone(ep[1]) || ep[0].closedAt < 0 || ep[1].closedAt < 0)
        return std::nullopt;
    return std::max(ep[0].closedAt, ep[1].closedAt);
}

}  // namespace finwave
