#pragma once
// The values the command line reads, parsed and bounded here in the core so that the flags can be
// checked (and fuzzed: tests/fuzz/fuzz_cli_values.cpp) without running anything. Every check is
// made in double before any cast, so 1e300, nan and inf are refused, not converted.

#include "core/sim/experiment.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace finwave {


// A finite number, the whole text ("0.5", "1e-3"); nullopt for "nan", "inf", "1x", "".
std::optional<double> parseFinite(std::string_view text);

// A whole number in lo..hi, written as an integer or as a double that is one ("1e3").
std::optional<long long> parseWholeNumber(std::string_view text, long long lo, long long hi);

struct SweepSpec {
    double from = 0, to = 0, step = 0;
    int levels = 0;  // from, from + step, ... up to `to` (within half a step)
};

// "loss=FROM:TO:STEP". On failure `error` is the one-line reason, naming --sweep.
std::optional<SweepSpec> parseSweepSpec(std::string_view text, std::string& error);

// --runs against the sweep's levels: nullopt when levels x runs fits kMaxSweepRuns, else the
// one-line reason, naming --runs.
std::optional<std::string> sweepSizeError(int levels, long long runs);

}  // namespace finwave
