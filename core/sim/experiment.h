#pragma once
// Statistics over many runs: a loss sweep and the TIME_WAIT pile-up of a busy server.
// Plain C++20 with std::thread; the app draws the results.

#include "core/protocol/scenario.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace finwave {

struct SweepConfig {
    Scenario scenario;
    double lossFrom = 0.0, lossTo = 0.6, lossStep = 0.05;  // applied to both directions
    int runsPerPoint = 1000;
    std::uint64_t masterSeed = 1;
    int threads = 0;  // 0 = every core
};

struct SweepPoint {
    double loss = 0;
    int runs = 0;
    int closedRuns = 0;                 // runs in which both ends reached CLOSED
    double medianCloseSeconds = 0;      // time until both ends are CLOSED (closed runs only; none when 0 closed)
    double p95CloseSeconds = 0;
    double meanRetransmissions = 0;
    double graceful = 0, reset = 0, gaveUp = 0, other = 0;  // shares of all runs, 0..1
};

struct SweepResult {
    std::vector<SweepPoint> points;
    bool cancelled = false;
};

// The sweep's budgets, checked before anything is made (README "Limits").
inline constexpr int kMaxLossLevels = 1001;                 // loss=0:1:0.001
inline constexpr long long kMaxRunsPerPoint = 10'000'000;
inline constexpr long long kMaxSweepRuns = 250'000'000;     // levels x runs
inline constexpr int kMaxThreads = 256;

// How many levels from..to by step makes, without making them; nullopt past kMaxLossLevels or
// for a step that is not a positive finite number.
std::optional<int> lossLevelCount(double from, double to, double step);

// Loss levels from..to (inclusive, within half a step) by step; none when they would be more than
// kMaxLossLevels or the numbers are not finite.
std::vector<double> lossLevels(double from, double to, double step);

// Each run's seed comes from the master seed, the point and the run number alone, so the outcome
// does not depend on the number of threads. Points run one after another; memory holds one
// point's close times. runsPerPoint is clamped to kMaxRunsPerPoint, levels x runs to kMaxSweepRuns.
SweepResult runSweep(const SweepConfig& config, const std::atomic<bool>* cancel = nullptr,
                     const std::function<void(int done, int total)>& progress = {});

// Columns: loss,runs,closed_runs,median_close_s,p95_close_s,mean_retransmissions,
//          share_graceful,share_reset,share_gave_up,share_other
std::string sweepCsv(const SweepResult& result);

struct PileupConfig {
    Scenario scenario;                 // one connection; A is the server that closes first
    double connectionsPerSecond = 100;
    Micros duration = 600 * kSec;      // how long the server runs
    int sample = 64;                   // connections simulated with the engine
    int points = 200;                  // samples of the curve
};

struct PileupResult {
    std::vector<double> timeSeconds;
    std::vector<double> inTimeWait;    // sockets in TIME_WAIT at each time
    double meanTimeWaitSeconds = 0;    // measured by the engine on the sample
    double steadyState = 0;            // R x T with the measured T: the check
};

// Each sampled connection is run by the engine; connection k opens at k / R and reuses the
// timing of sample k mod `sample`. The curve counts sockets inside their TIME_WAIT interval.
PileupResult runPileup(const PileupConfig& config);

}  // namespace finwave
