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
    // What was done to the run, sorted by step: the file's recording first, then what the user
    // does in this session (`live`), which a step back past it takes away again.
    std::vector<Interaction> recording;
    std::vector<std::uint8_t> live;  // parallel to recording

    std::optional<Trace> replay;  // replay mode: the records to step through

    Engine engine() { return Engine(state, scenario, options.recordTrace ? &trace : nullptr); }

    // Replay: both ends' states as the records up to `n` leave them.
    // Records [from, n) are new since the last call (0: from scratch), so stepping through a large
    // capture costs each record once.
    void replayStates(std::size_t n, std::size_t from = 0) {
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
            if (from > 0)
                break;
            detail::Endpoint& e = detail::ep(state, side);
            e.sndUna = e.sndNxt = e.iss + 1;
            e.rcvNxt = 0;
            e.finSent = e.finReceived = false;
            e.unsent = e.unread = 0;
        }
        for (std::size_t i = from; i < n; ++i) {
            const TraceRecord& rec = trace[i];
            if (!rec.hasSegment || (rec.kind != EventKind::Send && rec.kind != EventKind::Arrive))
                continue;
            const Segment& g = rec.seg;
            const std::uint32_t end = g.seq + g.seqSpace();
            if (rec.kind == EventKind::Send) {
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
        const std::size_t first = trace.size();
        std::size_t pos = first;
        if (pos >= r.size())
            return false;
        const std::uint32_t step = r[pos].step;
        while (pos < r.size() && r[pos].step == step)
            trace.append(r[pos++]);
        ++state.step;
        replayStates(pos, first);
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

    void initialize() {
        engine().initialize();
        applyRecorded();
    }

    // One event, then what was done to the run after it, as it was done live.
    bool runOne() {
        if (!engine().runOne())
            return false;
        applyRecorded();
        return true;
    }

    void applyRecorded() {
        const auto [from, to] = std::equal_range(recording.begin(), recording.end(), state.step, StepOrder{});
        for (auto it = from; it != to; ++it)
            apply(*it);
    }

    struct StepOrder {
        bool operator()(const Interaction& a, std::uint64_t s) const { return a.step < s; }
        bool operator()(std::uint64_t s, const Interaction& a) const { return s < a.step; }
    };

    bool apply(const Interaction& i) {
        switch (i.kind) {
        case Interaction::Kind::Params:
            state.params = i.params;
            return true;
        case Interaction::Kind::Channel:
            state.channel[i.dir == Direction::AtoB ? 0 : 1].params = i.channel;
            return true;
        case Interaction::Kind::DropSegment:
            if (const auto id = segmentId(i.dir, i.ordinal))
                return engine().dropInFlight(*id, i.at);
            return false;
        case Interaction::Kind::DropNext:
            if (engine().dropEarliestInFlight(i.side) == 0)
                state.dropNextArmed[i.side == Side::A ? 0 : 1] = true;
            return true;
        }
        return false;
    }

    // The n-th segment sent in `dir` (its identity in the run) and back: from the Send records.
    std::optional<std::uint32_t> segmentId(Direction dir, std::uint32_t ordinal) const {
        std::uint32_t n = 0;
        for (const TraceRecord& r : trace)
            if (r.kind == EventKind::Send && r.seg.dir == dir && ++n == ordinal)
                return r.seg.id;
        return std::nullopt;
    }
    std::optional<std::pair<Direction, std::uint32_t>> ordinalOf(std::uint32_t id) const {
        std::uint32_t n[2] = {0, 0};
        for (const TraceRecord& r : trace) {
            if (r.kind != EventKind::Send)
                continue;
            const int d = r.seg.dir == Direction::AtoB ? 0 : 1;
            ++n[d];
            if (r.seg.id == id)
                return std::pair{r.seg.dir, n[d]};
        }
        return std::nullopt;
    }

    // Something the user did now: kept at this step, after what is already there. Moving one slider
    // makes many changes in one moment; only the last of them is kept.
    void record(Interaction i) {
        i.step = state.step;
        const auto at = std::upper_bound(recording.begin(), recording.end(), i.step, StepOrder{});
        const std::size_t k = static_cast<std::size_t>(at - recording.begin());
        // A setting replaces the user's earlier one of the same kind (and direction) in this
        // moment: settings and drops do not depend on each other, so the order between them does
        // not matter, and dragging a slider (or the jitter one, which sets both directions) keeps
        // at most one entry per setting and step.
        if (i.kind == Interaction::Kind::Params || i.kind == Interaction::Kind::Channel) {
            for (std::size_t j = k; j-- > 0 && recording[j].step == i.step;) {
                if (live[j] && recording[j].kind == i.kind && recording[j].dir == i.dir) {
                    recording[j] = i;
                    checkpoint();
                    return;
                }
            }
        }
        live.insert(live.begin() + static_cast<std::ptrdiff_t>(k), 1);
        recording.insert(at, i);
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
    // replaying. What the user did after `target` leaves the run and the recording; a parameter
    // the user set then is still what the sliders show, so it holds from `target` on.
    void restoreTo(std::uint64_t target) {
        std::optional<ProtocolParams> params;
        std::array<std::optional<ChannelParams>, 2> channels;
        for (std::size_t k = recording.size(); k-- > 0;) {
            if (recording[k].step <= target)
                break;
            if (!live[k])
                continue;
            const Interaction& i = recording[k];
            if (i.kind == Interaction::Kind::Params && !params)
                params = i.params;
            if (i.kind == Interaction::Kind::Channel && !channels[i.dir == Direction::AtoB ? 0 : 1])
                channels[i.dir == Direction::AtoB ? 0 : 1] = i.channel;
            recording.erase(recording.begin() + static_cast<std::ptrdiff_t>(k));
            live.erase(live.begin() + static_cast<std::ptrdiff_t>(k));
        }
        auto it = std::upper_bound(checkpoints.begin(), checkpoints.end(), target,
                                   [](std::uint64_t t, const State& s) { return t < s.step; });
        if (it == checkpoints.begin()) {
            trace.clear();
            initialize();
        } else {
            state = *(it - 1);
            trace.truncate(state.traceSize);
        }
        while (state.step < target && runOne()) {
        }
        while (!checkpoints.empty() && checkpoints.back().step > target)
            checkpoints.pop_back();
        if (params && *params != state.params)
            setParams(*params);
        for (int d = 0; d < 2; ++d)
            if (channels[d] && *channels[d] != state.channel[d].params)
                setChannel(d == 0 ? Direction::AtoB : Direction::BtoA, *channels[d]);
        if (!checkpoints.empty() && checkpoints.back().step != state.step && state.step % kCheckpointEvery == 0)
            checkpoint();
    }

    void setParams(const ProtocolParams& p) {
        state.params = p;
        Interaction i;
        i.kind = Interaction::Kind::Params;
        i.params = p;
        record(i);
    }
    void setChannel(Direction dir, const ChannelParams& c) {
        state.channel[dir == Direction::AtoB ? 0 : 1].params = c;
        Interaction i;
        i.kind = Interaction::Kind::Channel;
        i.dir = dir;
        i.channel = c;
        record(i);
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
    if (!m_impl->runOne())
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
    if (!m_impl->replay && params != channel(dir))
        m_impl->setChannel(dir, params);
}

ChannelParams Simulator::channel(Direction dir) const {
    return m_impl->state.channel[dir == Direction::AtoB ? 0 : 1].params;
}

void Simulator::setParams(const ProtocolParams& params) {
    if (!m_impl->replay && params != m_impl->state.params)
        m_impl->setParams(params);
}

const ProtocolParams& Simulator::params() const { return m_impl->state.params; }

void Simulator::setSeed(std::uint64_t seed) { m_impl->scenario.seed = seed; }

bool Simulator::dropInFlight(std::uint32_t segmentId, std::optional<Micros> at) {
    if (m_impl->replay)
        return false;  // a capture happened: nothing can be dropped
    const auto identity = m_impl->ordinalOf(segmentId);
    const Micros when = at.value_or(m_impl->state.now);
    if (!m_impl->engine().dropInFlight(segmentId, when))
        return false;
    if (!identity) {  // no trace (a benchmark): the drop cannot be replayed, so it is not kept
        m_impl->checkpoint();
        return true;
    }
    Interaction i;
    i.kind = Interaction::Kind::DropSegment;
    i.dir = identity->first;
    i.ordinal = identity->second;
    i.at = when;
    m_impl->record(i);
    return true;
}

std::uint32_t Simulator::dropNext(Side sender) {
    if (m_impl->replay)
        return 0;
    Interaction i;
    i.kind = Interaction::Kind::DropNext;
    i.side = sender;
    const std::uint32_t id = m_impl->engine().dropEarliestInFlight(sender);
    if (id == 0)
        m_impl->state.dropNextArmed[sender == Side::A ? 0 : 1] = true;
    m_impl->record(i);
    return id;
}

const std::vector<Interaction>& Simulator::recording() const { return m_impl->recording; }

bool Simulator::hasLiveInteractions() const {
    return std::any_of(m_impl->live.begin(), m_impl->live.end(), [](std::uint8_t l) { return l != 0; });
}

Scenario Simulator::recordedRun() const {
    Scenario s = m_impl->scenario;
    s.recording = m_impl->recording;
    return s;
}

void Simulator::commitRecording() {
    m_impl->scenario.recording = m_impl->recording;
    std::fill(m_impl->live.begin(), m_impl->live.end(), std::uint8_t{0});
}

void Simulator::resetKeepingSettings() {
    // The latest value the user set of each parameter holds from step 0 on; drops are gone.
    std::optional<ProtocolParams> params;
    std::array<std::optional<ChannelParams>, 2> channels;
    for (std::size_t k = 0; k < m_impl->recording.size(); ++k) {
        const Interaction& i = m_impl->recording[k];
        if (!m_impl->live[k])
            continue;
        if (i.kind == Interaction::Kind::Params)
            params = i.params;
        if (i.kind == Interaction::Kind::Channel)
            channels[i.dir == Direction::AtoB ? 0 : 1] = i.channel;
    }
    m_impl->restart();
    if (params)
        setParams(*params);
    if (channels[0])
        setChannel(Direction::AtoB, *channels[0]);
    if (channels[1])
        setChannel(Direction::BtoA, *channels[1]);
}

void Simulator::setAnnotation(std::uint64_t step, const std::string& text) {
    auto& notes = m_impl->scenario.annotations;
    const auto at = std::lower_bound(notes.begin(), notes.end(), step,
                                     [](const Annotation& a, std::uint64_t s) { return a.step < s; });
    if (at != notes.end() && at->step == step) {
        if (text.empty())
            notes.erase(at);
        else
            at->text = text;
    } else if (!text.empty()) {
        notes.insert(at, Annotation{step, text});
    }
}

const std::string* Simulator::annotation(std::uint64_t step) const {
    for (const Annotation& a : m_impl->scenario.annotations)
        if (a.step == step)
            return &a.text;
    return nullptr;
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
