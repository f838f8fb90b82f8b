#pragma once
// Internal to core: the Simulator's state behind its public face, shared by simulator.cpp (stepping
// and views), simulator_recording.cpp (record and replay of what the user does) and
// simulator_replay.cpp (stepping through an imported capture's records).

#include "core/engine/internal/engine.h"
#include "core/sim/simulator.h"

#include <optional>
#include <utility>
#include <vector>

namespace finwave {

// A checkpoint is taken at least this many steps after the one before, and at least as many steps as
// the state's weight (checkpointWeight): a checkpoint then costs a bounded number of bytes per step
// run, so the history of a run with thousands of segments in flight grows with the run (O(steps)),
// not with steps times segments in flight. A step back replays at most that many steps.
inline constexpr std::uint64_t kCheckpointEvery = 32;

struct Simulator::Impl {
    Scenario scenario;
    SimulatorOptions options;
    detail::State state;
    Trace trace;
    std::vector<detail::State> checkpoints;  // sorted by step
    // What was done to the run, sorted by step: the file's recording first, then what the user
    // does in this session (`live`), which a step back past it takes away again.
    std::vector<Interaction> recording;
    std::vector<std::uint8_t> live;  // parallel to recording

    std::optional<Trace> replay;  // replay mode: the records to step through
    Micros replayGrain = kMs;     // replay mode: timeGrain() of its records

    detail::Engine engine() { return detail::Engine(state, scenario, options.recordTrace ? &trace : nullptr); }

    struct StepOrder {
        bool operator()(const Interaction& a, std::uint64_t s) const { return a.step < s; }
        bool operator()(std::uint64_t s, const Interaction& a) const { return s < a.step; }
    };

    // Replay: both ends' states as the records up to `n` leave them.
    // Records [from, n) are new since the last call (0: from scratch), so stepping through a large
    // capture costs each record once.
    void replayStates(std::size_t n, std::size_t from = 0);
    bool replayStep();
    void replayBackTo(std::uint64_t target);
    void restart();
    void initialize();
    // One event, then what was done to the run after it, as it was done live.
    bool runOne();
    void applyRecorded();
    bool apply(const Interaction& i);
    // The n-th segment sent in `dir` (its identity in the run) and back: from the Send records.
    std::optional<std::uint32_t> segmentId(Direction dir, std::uint32_t ordinal) const;
    std::optional<std::pair<Direction, std::uint32_t>> ordinalOf(std::uint32_t id) const;
    // Something the user did now: kept at this step, after what is already there. Moving one slider
    // makes many changes in one moment; only the last of them is kept.
    void record(Interaction i);
    void checkpoint();
    void checkpointIfDue();  // after a step: a checkpoint when kCheckpointEvery and the weight say so
    std::size_t historyBytes() const;
    // Brings the state back to `target` (< current step) by restoring a checkpoint and
    // replaying. What the user did after `target` leaves the run and the recording; a parameter
    // the user set then is still what the sliders show, so it holds from `target` on.
    void restoreTo(std::uint64_t target);
    void setParams(const ProtocolParams& p);
    void setChannel(Direction dir, const ChannelParams& c);
};

}  // namespace finwave
