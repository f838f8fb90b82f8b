#include "core/scenario/builtin_scenarios.h"
#include "core/sim/experiment.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

using namespace finwave;

namespace {
SweepConfig sweep(double from, double to, double step, int runs) {
    SweepConfig c;
    c.scenario = *builtinScenario("normal-close");
    c.lossFrom = from;
    c.lossTo = to;
    c.lossStep = step;
    c.runsPerPoint = runs;
    c.masterSeed = 20261124;
    return c;
}
}  // namespace

TEST(Experiment, AtZeroLossNoRetransmissionsAndTheSameCloseTimeEveryRun) {
    const SweepResult r = runSweep(sweep(0, 0, 0.1, 200));
    ASSERT_EQ(r.points.size(), 1u);
    const SweepPoint& p = r.points[0];
    EXPECT_EQ(p.meanRetransmissions, 0);
    EXPECT_EQ(p.closedRuns, 200);
    EXPECT_EQ(p.medianCloseSeconds, p.p95CloseSeconds);
    EXPECT_DOUBLE_EQ(p.medianCloseSeconds, 240.3);  // normal close: t1 + d + 2MSL with t1 = 0.25 s, d = 50 ms
    EXPECT_EQ(p.graceful, 1.0);
}

TEST(Experiment, MoreLossMeansALaterCloseAndMoreRetransmissions) {
    const SweepResult r = runSweep(sweep(0.1, 0.4, 0.3, 1000));
    ASSERT_EQ(r.points.size(), 2u);
    EXPECT_GT(r.points[1].medianCloseSeconds, r.points[0].medianCloseSeconds);
    EXPECT_GT(r.points[1].meanRetransmissions, r.points[0].meanRetransmissions);
    EXPECT_LT(r.points[1].graceful, r.points[0].graceful);
}

TEST(Experiment, SameMasterSeedGivesTheSameCsvWhateverTheThreadCount) {
    SweepConfig one = sweep(0, 0.6, 0.2, 300), two = one;
    one.threads = 1;
    two.threads = 3;
    const std::string a = sweepCsv(runSweep(one)), b = sweepCsv(runSweep(two));
    EXPECT_EQ(a, b);
    SweepConfig other = one;
    other.masterSeed = 7;
    EXPECT_NE(sweepCsv(runSweep(other)), a);
}

TEST(Experiment, CsvHasTheDocumentedColumnsAndOneRowPerPoint) {
    const std::string csv = sweepCsv(runSweep(sweep(0, 0.6, 0.05, 20)));
    std::istringstream in(csv);
    std::string header, line;
    std::getline(in, header);
    EXPECT_EQ(header, "loss,runs,closed_runs,median_close_s,p95_close_s,mean_retransmissions,share_graceful,"
                      "share_reset,share_gave_up,share_other");
    int rows = 0;
    while (std::getline(in, line)) {
        ++rows;
        EXPECT_EQ(std::count(line.begin(), line.end(), ','), 9) << line;
    }
    EXPECT_EQ(rows, 13);
}

TEST(Experiment, CancelStopsTheWorkersEarly) {
    std::atomic<bool> cancel{false};
    std::atomic<int> seen{0};
    SweepConfig big = sweep(0, 0.6, 0.05, 1'000'000);  // far more than a test could wait for
    big.threads = 2;
    const SweepResult r = runSweep(big, &cancel, [&](int done, int) {
        seen = done;
        if (done >= 2000)
            cancel = true;
    });
    EXPECT_TRUE(r.cancelled);
    EXPECT_TRUE(r.points.empty());
    EXPECT_LT(seen.load(), 100000);  // it stopped soon after the request, not at the end
}

TEST(Experiment, TimeWaitPileUpSettlesAtRateTimesTimeWait) {
    for (Profile profile : {Profile::Linux, Profile::Rfc}) {
        PileupConfig c;
        c.scenario = *builtinScenario("normal-close");
        applyProfile(c.scenario, profile);
        c.connectionsPerSecond = 200;
        c.duration = 900 * kSec;
        const PileupResult r = runPileup(c);
        const double t = profile == Profile::Linux ? 60 : 240;
        EXPECT_NEAR(r.meanTimeWaitSeconds, t, 0.5);
        // Well after one TIME_WAIT length, the count sits at R x T.
        const double late = r.inTimeWait[r.inTimeWait.size() * 9 / 10];
        EXPECT_NEAR(late, 200 * t, 200 * t * 0.05) << profileName(profile);
        EXPECT_NEAR(r.steadyState, 200 * t, 200 * t * 0.01);
    }
}

TEST(Experiment, LingerZeroLeavesNothingInTimeWait) {
    PileupConfig c;
    c.scenario = *builtinScenario("normal-close");
    c.scenario.a.lingerZero = true;
    const PileupResult r = runPileup(c);
    EXPECT_EQ(r.meanTimeWaitSeconds, 0);
    for (double v : r.inTimeWait)
        EXPECT_EQ(v, 0);
}
