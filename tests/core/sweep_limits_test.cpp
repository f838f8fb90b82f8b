// The sweep's flags are bounded before anything is generated or allocated.
#include "core/scenario/builtin_scenarios.h"
#include "core/options/values.h"
#include "core/sim/experiment.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <limits>

using namespace finwave;

TEST(SweepLimits, NanInfAndTinyStepsAreRefusedBeforeAnyLevelIsMade) {
    for (const char* spec : {"loss=0:1:nan", "loss=0:1:inf", "loss=nan:1:0.1", "loss=0:inf:0.1", "loss=0:1:1e-9",
                             "loss=0:1:-0.1", "loss=0:1:0"}) {
        std::string error;
        EXPECT_FALSE(parseSweepSpec(spec, error)) << spec;
        EXPECT_EQ(error.rfind("--sweep: '", 0), 0u) << error;
        EXPECT_EQ(error.find('\n'), std::string::npos);
    }
    const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
    EXPECT_TRUE(lossLevels(0, 1, 1e-9).empty());
    EXPECT_TRUE(lossLevels(0, 1, inf).empty());
    EXPECT_TRUE(lossLevels(nan, 1, 0.1).empty());
    EXPECT_LE(lossLevels(0, 1, nan).size(), 1u);
}

TEST(SweepLimits, TheFinestAllowedSweepHasAThousandAndOneLevels) {
    std::string error;
    const auto spec = parseSweepSpec("loss=0:1:0.001", error);
    ASSERT_TRUE(spec) << error;
    EXPECT_EQ(spec->levels, kMaxLossLevels);
    EXPECT_EQ(lossLevels(0, 1, 0.001).size(), static_cast<std::size_t>(kMaxLossLevels));
    const auto usual = parseSweepSpec("loss=0:0.6:0.05", error);
    ASSERT_TRUE(usual);
    EXPECT_EQ(usual->levels, 13);
    EXPECT_FALSE(parseSweepSpec("loss=0:1:0.0009", error));
    EXPECT_NE(error.find("1001"), std::string::npos) << error;
}

TEST(SweepLimits, LevelsTimesRunsIsCheckedWithoutOverflow) {
    // 214 x 10^7 overflowed int (std::length_error); 1001 x 10^7 wrapped positive (22 GB).
    const auto a = sweepSizeError(214, 10'000'000), b = sweepSizeError(1001, 10'000'000);
    ASSERT_TRUE(a);
    ASSERT_TRUE(b);
    EXPECT_NE(a->find("2140000000"), std::string::npos) << *a;
    EXPECT_EQ(a->rfind("--runs: ", 0), 0u);
    EXPECT_NE(b->find("10010000000"), std::string::npos) << *b;
    EXPECT_FALSE(sweepSizeError(21, 10'000'000));
}

TEST(SweepLimits, HugeOrFractionalCountsAreRefusedBeforeACast) {
    EXPECT_FALSE(parseWholeNumber("1e300", 1, kMaxRunsPerPoint));
    EXPECT_FALSE(parseWholeNumber("-1e300", 1, kMaxRunsPerPoint));
    EXPECT_FALSE(parseWholeNumber("nan", 1, kMaxRunsPerPoint));
    EXPECT_FALSE(parseWholeNumber("inf", 1, kMaxThreads));
    EXPECT_FALSE(parseWholeNumber("2.5", 1, kMaxThreads));
    EXPECT_EQ(parseWholeNumber("1e3", 1, kMaxRunsPerPoint), 1000);
    EXPECT_EQ(parseWholeNumber("10000000", 1, kMaxRunsPerPoint), 10'000'000);
}

TEST(SweepLimits, TenMillionRunsPerPointAllocateNothingUpFront) {
    // 21 levels x 10^7 runs: results were allocated for every run at once (3.3 GB). Now the first
    // point runs at once, and cancelling after the first progress report returns.
    SweepConfig c;
    c.scenario = *builtinScenario("normal-close");
    c.lossFrom = 0;
    c.lossTo = 1;
    c.lossStep = 0.05;
    c.runsPerPoint = 10'000'000;
    c.threads = 2;
    std::atomic<bool> cancel{false};
    int reports = 0, total = 0;
    const SweepResult r = runSweep(c, &cancel, [&](int, int t) {
        ++reports;
        total = t;
        cancel = true;
    });
    EXPECT_TRUE(r.cancelled);
    EXPECT_GE(reports, 1);
    EXPECT_EQ(total, 210'000'000);
}

TEST(SweepLimits, WhereNoRunClosedTheCloseTimesAreEmptyCells) {
    SweepConfig c;
    c.scenario = *builtinScenario("normal-close");
    c.lossFrom = 1;
    c.lossTo = 1;
    c.lossStep = 0.1;
    c.runsPerPoint = 5;
    const SweepResult r = runSweep(c);
    ASSERT_EQ(r.points.size(), 1u);
    ASSERT_EQ(r.points[0].closedRuns, 0);
    const std::string csv = sweepCsv(r);
    const std::string row = csv.substr(csv.find('\n') + 1);
    EXPECT_EQ(row.rfind("1.0000,5,0,,,", 0), 0u) << row;
}
