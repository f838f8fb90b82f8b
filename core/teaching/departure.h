// What a scenario was written to show, and whether a run the user changed (a drop, a slider)
// still shows it. A scenario's story is how its run ends and which segments its own faults take;
// the window says when the user's run leaves that story (a teacher's drop that makes "The last
// ACK is lost" end without losing the last ACK).
#pragma once

#include "core/protocol/tcp_state.h"
#include "core/protocol/trace.h"
#include "core/protocol/scenario.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace finwave {

// A segment a scenario's own fault took: who sent it and its flags.
struct FaultTaken {
    Side sender = Side::A;
    std::uint8_t flags = 0;
    bool operator==(const FaultTaken&) const = default;
};

struct ScenarioStory {
    Outcome outcome = Outcome::Running;
    std::vector<FaultTaken> faults;  // in the order they were taken
};

// The story of a trace: its scenario faults' segments, and the outcome given.
ScenarioStory storyOf(const Trace& trace, Outcome outcome);
// The story the scenario tells run alone, to its end (at most `maxSteps` events).
ScenarioStory writtenStory(const Scenario& scenario, std::uint64_t maxSteps = 200'000);

struct Departure {
    // The first fault that took another kind of segment (or that the run has not taken when it
    // ended), as written and as it happened; none when the faults held.
    std::optional<FaultTaken> written, taken;
    bool faultMissing = false;   // the run ended without taking a fault the story takes
    bool outcomeChanged = false; // the run ended another way (reset for graceful, ...)
    Outcome writtenOutcome = Outcome::Running, outcome = Outcome::Running;
};

// How `run` (with outcome `outcome`) leaves `written`: as soon as a fault takes another kind of
// segment, and at the end (`finished`) by a fault not taken or another outcome. None while it
// keeps to the story.
std::optional<Departure> departureFrom(const ScenarioStory& written, const Trace& run, Outcome outcome, bool finished);

}  // namespace finwave
