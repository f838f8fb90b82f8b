// Record and replay (scenario format version 2): what the user does to a run (drops, drop-nexts,
// parameter changes) is kept at its step and applied again at that step, as it was live; a step
// back past it takes it out; the notes on steps.
#include "core/sim/internal/simulator_impl.h"

#include <algorithm>

namespace finwave {

using detail::State;

void Simulator::Impl::applyRecorded() {
    const auto [from, to] = std::equal_range(recording.begin(), recording.end(), state.step, StepOrder{});
    for (auto it = from; it != to; ++it)
        apply(*it);
}

bool Simulator::Impl::apply(const Interaction& i) {
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
std::optional<std::uint32_t> Simulator::Impl::segmentId(Direction dir, std::uint32_t ordinal) const {
    std::uint32_t n = 0;
    for (const TraceRecord& r : trace)
        if (r.kind == EventKind::Send && r.seg.dir == dir && ++n == ordinal)
            return r.seg.id;
    return std::nullopt;
}

std::optional<std::pair<Direction, std::uint32_t>> Simulator::Impl::ordinalOf(std::uint32_t id) const {
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
void Simulator::Impl::record(Interaction i) {
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

// Brings the state back to `target` (< current step) by restoring a checkpoint and
// replaying. What the user did after `target` leaves the run and the recording; a parameter
// the user set then is still what the sliders show, so it holds from `target` on.
void Simulator::Impl::restoreTo(std::uint64_t target) {
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
    // Far back from far ahead: the list gives back what it held for the steps undone, so the
    // history stays in proportion to the steps run (fuzz_stepping found it kept the peak's).
    if (checkpoints.capacity() > 2 * checkpoints.size() + 64)
        checkpoints.shrink_to_fit();
    if (params && *params != state.params)
        setParams(*params);
    for (int d = 0; d < 2; ++d)
        if (channels[d] && *channels[d] != state.channel[d].params)
            setChannel(d == 0 ? Direction::AtoB : Direction::BtoA, *channels[d]);
    checkpointIfDue();
}

void Simulator::Impl::setParams(const ProtocolParams& p) {
    state.params = p;
    Interaction i;
    i.kind = Interaction::Kind::Params;
    i.params = p;
    record(i);
}

void Simulator::Impl::setChannel(Direction dir, const ChannelParams& c) {
    state.channel[dir == Direction::AtoB ? 0 : 1].params = c;
    Interaction i;
    i.kind = Interaction::Kind::Channel;
    i.dir = dir;
    i.channel = c;
    record(i);
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

std::vector<ParameterChange> Simulator::parameterChanges() const {
    std::vector<ParameterChange> out;
    ParameterChange now{0, m_impl->scenario.params, m_impl->scenario.ab, m_impl->scenario.ba};
    for (const Interaction& i : m_impl->recording) {
        if (i.step > m_impl->state.step)
            break;  // sorted by step: the rest is still to come
        if (i.kind == Interaction::Kind::Params)
            now.params = i.params;
        else if (i.kind == Interaction::Kind::Channel)
            (i.dir == Direction::AtoB ? now.ab : now.ba) = i.channel;
        else
            continue;
        now.step = i.step;
        if (now.step == 0)
            continue;
        if (!out.empty() && out.back().step == now.step)
            out.back() = now;
        else
            out.push_back(now);
    }
    return out;
}

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

}  // namespace finwave
