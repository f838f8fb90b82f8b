// Public face of the engine: stepping, time travel through checkpoints, and read-only views.
#include "core/sim/simulator.h"
#include "core/sim/internal/simulator_impl.h"

#include "core/engine/internal/engine.h"
#include "core/engine/internal/segment_builder.h"

#include <algorithm>
#include <map>
#include <vector>

namespace finwave {

using detail::Engine;
using detail::State;

namespace {

// No connection left: CLOSED, or a server that listens again back in LISTEN.
bool connectionGone(const detail::Endpoint& e) {
    return e.state == TcpState::Closed || (e.listenAgain && e.state == TcpState::Listen);
}
constexpr std::size_t kQueueViewLimit = 4096;  // the inspector lists at most this many segments
}

void Simulator::Impl::restart() {
    if (replay) {
        recording.clear();
        live.clear();
        trace.clear();
        checkpoints.clear();
        state.queue.clear();
        state.step = 0;
        replayStates(0);
        return;
    }
    // A drop by identity finds its segment among the Send records, so such a run keeps them.
    for (const Interaction& i : scenario.recording)
        if (i.kind == Interaction::Kind::DropSegment)
            options.recordTrace = true;
    recording = scenario.recording;
    std::stable_sort(recording.begin(), recording.end(),
                     [](const Interaction& a, const Interaction& b) { return a.step < b.step; });
    live.assign(recording.size(), 0);
    trace.clear();
    checkpoints.clear();
    initialize();
    checkpoint();
}

void Simulator::Impl::initialize() {
    engine().initialize();
    applyRecorded();
}

// One event, then what was done to the run after it, as it was done live.
bool Simulator::Impl::runOne() {
    if (!engine().runOne())
        return false;
    applyRecorded();
    return true;
}

void Simulator::Impl::checkpoint() {
    if (!options.keepHistory)
        return;
    while (!checkpoints.empty() && checkpoints.back().step >= state.step)
        checkpoints.pop_back();
    checkpoints.push_back(state);
}

namespace {
// The entries a copy of the state holds beyond its fixed part: its events (segments in flight,
// timers), fault counters, action flags and ISS changes. One unit is about 64 bytes (an Event).
std::uint64_t checkpointWeight(const State& s) {
    return s.queue.size() + (s.faultHits.size() + s.actionArmed.size() + s.issChanges.size()) / 8;
}

std::size_t stateBytes(const State& s) {
    return sizeof(State) + s.queue.capacity() * sizeof(detail::Event) + s.faultHits.capacity() * sizeof(std::uint32_t) +
           s.actionArmed.capacity() + s.issChanges.capacity() * sizeof(detail::IssChange);
}
}  // namespace

void Simulator::Impl::checkpointIfDue() {
    const std::uint64_t last = checkpoints.empty() ? 0 : checkpoints.back().step;
    if (state.step > last && state.step - last >= std::max(kCheckpointEvery, checkpointWeight(state)))
        checkpoint();
}

std::size_t Simulator::Impl::historyBytes() const {
    std::size_t bytes = checkpoints.capacity() * sizeof(State);
    for (const State& s : checkpoints)
        bytes += stateBytes(s) - sizeof(State);
    return bytes;
}


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

const Scenario& Simulator::scenario() const { return m_impl->scenario; }

bool Simulator::step() {
    if (m_impl->replay)
        return m_impl->replayStep();
    if (!m_impl->runOne())
        return false;
    m_impl->checkpointIfDue();
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
    v.appWaitingIn = e.waitingIn != SocketCall::None ? e.waitingIn : e.pendingWrite > 0 ? SocketCall::Write : SocketCall::None;
    v.appWaitingSince = e.waitingIn != SocketCall::None ? e.waitingSince : e.writeSince;
    v.appClosed = e.appClosed;
    v.appPendingError = e.pendingError;
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

void Simulator::setSeed(std::uint64_t seed) { m_impl->scenario.seed = seed; }

int Simulator::unlistedTransitions() const { return static_cast<int>(m_impl->state.unlistedTransitions); }

std::size_t Simulator::pendingEvents() const { return m_impl->state.queue.size(); }

int Simulator::retransmissions() const { return static_cast<int>(m_impl->state.retransmissions); }

std::size_t Simulator::historyBytes() const { return m_impl->historyBytes(); }

std::optional<Micros> Simulator::bothClosedAt() const {
    const auto& ep = m_impl->state.ep;
    if (!connectionGone(ep[0]) || !connectionGone(ep[1]) || ep[0].closedAt < 0 || ep[1].closedAt < 0)
        return std::nullopt;
    return std::max(ep[0].closedAt, ep[1].closedAt);
}

Micros Simulator::timeGrain() const {
    if (m_impl->replay)
        return m_impl->replayGrain;
    // A simulated run's times are sums of its delays, timers and action delays: whole
    // milliseconds unless one of them is not, in the scenario or in what was done to the run.
    const Scenario& s = m_impl->scenario;
    std::vector<Micros> spans = {s.ab.delay, s.ab.jitter, s.ba.delay, s.ba.jitter};
    const auto timers = [&spans](const ProtocolParams& p) {
        spans.insert(spans.end(), {p.timeWait, p.rtoInitial, p.rtoMin, p.rtoMax, p.giveUpAfter, p.delayedAckTimeout,
                                   p.finWait2Timeout, p.userTimeout});
    };
    timers(s.params);
    for (const Interaction& i : m_impl->recording) {
        timers(i.params);
        spans.insert(spans.end(), {i.channel.delay, i.channel.jitter, i.at});
    }
    for (const AppAction& a : s.actions)
        spans.push_back(a.delay);
    for (const Fault& f : s.faults) {
        spans.push_back(f.extraDelay);
        spans.push_back(f.at);
    }
    const bool fine = std::any_of(spans.begin(), spans.end(), [](Micros t) { return t % kMs != 0; });
    return fine ? 1 : kMs;
}

}  // namespace finwave
