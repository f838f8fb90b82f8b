#pragma once
// Building scenarios in code: the built-ins (builtin_scenarios.cpp) and the tests use these, so
// a situation reads the same everywhere: action(side, what, delay[, trigger, bytes]).

#include "core/protocol/scenario.h"
#include "core/protocol/segment.h"

#include <cstdint>
#include <string>

namespace finwave {

// Two ESTABLISHED endpoints, 50 ms each way, the profile's constants, no actions or faults.
Scenario makeScenario(std::string name, std::string title = {}, std::string description = {},
                      Profile profile = Profile::Rfc);

// What "New scenario" starts from: makeScenario("untitled", "Untitled scenario") in the rfc
// profile, both endpoints ESTABLISHED with ISS 0 reading their data, 50 ms each way without loss
// or jitter, seed 1, the default horizon, one action (A closes at 0) and no faults.
Scenario blankScenario();

// The test's shorthand: makeScenario("test") with a profile.
Scenario established(Profile profile = Profile::Rfc);

// `side` does `kind` at `delay` after `trigger` (from the start of the run by default).
AppAction action(Side side, AppAction::Kind kind, Micros delay,
                 AppAction::Trigger trigger = AppAction::Trigger::AtTime, std::uint32_t bytes = 0);

// Drop the first `count` segments from `from` whose flags include all of `flags` (equal them,
// when `exact`).
Fault dropFirst(Side from, std::uint8_t flags, std::uint32_t count = 1, bool exact = false);
// Drop the n-th segment (1-based) sent in `dir`.
Fault dropNth(Direction dir, std::uint32_t n, std::uint8_t flags = 0, bool exact = false);
// Deliver the n-th segment of `dir` again, `later` after the original (an old duplicate).
Fault duplicateNth(Direction dir, std::uint32_t n, Micros later);
// A forged RST reaching the receiver of `dir` at `at`, SEG.SEQ = its RCV.NXT + seqOffset.
Fault forgedRst(Direction dir, Micros at, std::int32_t seqOffset);

}  // namespace finwave
