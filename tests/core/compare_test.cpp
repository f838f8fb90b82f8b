// Two runs compared (core/compare): each built-in under rfc against linux first differs where
// docs/protocol.md ("Comparing the profiles") says it does; a run against itself does not differ;
// a drop makes the runs differ exactly at the drop; a scenario against its own capture, exported
// and read back, pairs every segment.
#include "core/compare/compare.h"
#include "core/compare/profile_differences.h"
#include "core/protocol/transitions.h"
#include "core/capture/capture_reader.h"
#include "core/capture/capture_writer.h"
#include "core/capture/reconstruct.h"
#include "core/scenario/builtin_scenarios.h"

#include "support/tshark_run.h"

#include <gtest/gtest.h>

#include <memory>

using namespace finwave;
using namespace finwave::compare;

namespace {
std::unique_ptr<Simulator> ranTo(Scenario s, Profile p) {
    applyProfile(s, p);
    SimulatorOptions o;
    o.keepHistory = false;
    auto sim = std::make_unique<Simulator>(s, o);
    sim->runToEnd();
    return sim;
}

// Where a built-in first differs between the profiles, written from docs/protocol.md's profile
// table before the comparison was run: which run has the event (both: the same event at another
// time), whose event, its kind, and its time in each run.
struct Expected {
    const char* scenario;
    const char* in;  // "both", "rfc" or "linux"
    Side side;
    EventKind kind;
    double rfcSeconds, linuxSeconds;  // -1 where that run has no such event
    const char* why;
};
const Expected kExpected[] = {
    {"normal-close", "both", Side::A, EventKind::State, 240.3, 60.3, "TIME_WAIT: 240 s against 60 s"},
    {"piggyback-close", "linux", Side::B, EventKind::Send, -1, 0.05, "Linux ACKs the FIN at once (D1)"},
    {"simultaneous-close", "both", Side::A, EventKind::State, 240.1, 60.1, "TIME_WAIT"},
    {"half-close", "both", Side::A, EventKind::State, 240.8, 60.8, "TIME_WAIT"},
    {"lost-fin", "both", Side::A, EventKind::Send, 1.0, 0.3, "the tail-loss probe before the 1 s RTO (D6)"},
    {"lost-fin-ack", "both", Side::A, EventKind::Send, 1.0, 0.3, "the tail-loss probe (D6)"},
    {"lost-last-ack", "both", Side::B, EventKind::Send, 1.25, 0.55, "the tail-loss probe of B's FIN (D6)"},
    {"linger-abort", "rfc", Side::A, EventKind::Send, 0.03, -1, "RST on abort: R against R. (E3)"},
    {"unread-data-rst", "rfc", Side::A, EventKind::Send, 0.2, -1, "RST on abort: R against R. (E2)"},
    {"fin-wait-2-timeout", "linux", Side::A, EventKind::State, -1, 60.1, "tcp_fin_timeout (F2d)"},
    {"retries-exhausted", "both", Side::A, EventKind::Send, 1.0, 0.3, "the tail-loss probe (D6)"},
    {"full-lifecycle", "both", Side::B, EventKind::Send, 0.46, 0.5, "Linux's delayed ACK, 40 ms (D1)"},
    {"old-duplicate", "both", Side::A, EventKind::State, 240.21, 60.72, "TIME_WAIT, restarted by any ACK in Linux (T2)"},
};
}  // namespace

TEST(Compare, EachBuiltinUnderRfcAgainstLinuxFirstDiffersWhereTheProtocolReferenceSays) {
    ASSERT_EQ(std::size(kExpected), builtinScenarioNames().size());
    for (const Expected& e : kExpected) {
        const auto rfc = ranTo(*builtinScenario(e.scenario), Profile::Rfc);
        const auto linux = ranTo(*builtinScenario(e.scenario), Profile::Linux);
        const Comparison c = compareRuns(*rfc, *linux);
        ASSERT_FALSE(c.same()) << e.scenario;
        const Aligned& d = c.lines[*c.firstDifference];
        const std::string in = d.a && d.b ? "both" : d.a ? "rfc" : "linux";
        EXPECT_EQ(in, e.in) << e.scenario << ": " << e.why;
        const Event& ev = d.a ? c.a[*d.a] : c.b[*d.b];
        EXPECT_EQ(ev.key.kind, e.kind) << e.scenario;
        EXPECT_EQ(ev.key.side, e.side) << e.scenario;
        if (d.a) {
            EXPECT_NEAR(static_cast<double>(c.a[*d.a].t) / kSec, e.rfcSeconds, 1e-6) << e.scenario;
        }
        if (d.b) {
            EXPECT_NEAR(static_cast<double>(c.b[*d.b].t) / kSec, e.linuxSeconds, 1e-6) << e.scenario;
        }
    }
}

TEST(Compare, ARunAgainstItselfHasNoDifference) {
    for (std::string_view name : builtinScenarioNames()) {
        const auto one = ranTo(*builtinScenario(name), builtinScenario(name)->params.profile);
        const auto two = ranTo(*builtinScenario(name), builtinScenario(name)->params.profile);
        const Comparison c = compareRuns(*one, *two);
        EXPECT_TRUE(c.same()) << name;
        EXPECT_EQ(c.pairs, c.a.size()) << name;
    }
}

TEST(Compare, ADroppedSegmentMakesTheRunsDifferExactlyAtTheDrop) {
    const Scenario s = *builtinScenario("normal-close");
    Simulator plain(s), dropped(s);
    plain.runToEnd();
    dropped.step();                       // A's close(): the FIN leaves
    const std::uint64_t at = dropped.stepIndex();
    ASSERT_NE(dropped.dropNext(Side::A), 0u);  // the user drops it in flight
    dropped.runToEnd();
    const Comparison c = compareRuns(plain, dropped);
    ASSERT_FALSE(c.same());
    const Aligned& d = c.lines[*c.firstDifference];
    ASSERT_TRUE(d.b && !d.a);
    const Event& drop = c.b[*d.b];
    EXPECT_EQ(drop.key.kind, EventKind::Drop);
    EXPECT_EQ(drop.key.flags & flag::Fin, flag::Fin);
    EXPECT_EQ(dropped.trace()[drop.record].step, at + 1);  // the first event after the drop was made
    // Everything before it was paired at the same time.
    for (std::size_t k = 0; k < *c.firstDifference; ++k)
        EXPECT_TRUE(c.lines[k].a && c.lines[k].b && c.lines[k].dt == 0);
}

TEST(Compare, AScenarioAgainstItsOwnCaptureReadBackPairsEverySegment) {
    for (std::string_view name : {"normal-close", "lost-last-ack", "simultaneous-close", "full-lifecycle"}) {
        const Scenario s = *builtinScenario(name);
        Simulator sim(s);
        sim.runToEnd();
        capture::WriteOptions w;
        w.vantage = Side::A;
        const std::string path = finwave::testing::writeTemp("compare_" + std::string(name) + ".pcapng", capture::writeCapture(sim, w));
        const auto read = capture::readConnection(path, 1);
        ASSERT_TRUE(read.ok()) << read.error;
        capture::ReconstructOptions assumed;  // when TIME_WAIT ends: the capture cannot show it
        assumed.timeWait = s.params.timeWait;
        const capture::Reconstruction run = capture::reconstruct(read.segments, assumed);
        Simulator replay(s);
        replay.loadReplay(run.trace, run.issA, run.issB, "capture");
        replay.runToEnd();  // a replay shows its records as it is stepped
        const Comparison c = compareRuns(sim, replay, 1, true);  // the capture keeps microseconds
        std::size_t sends = 0, pairedSends = 0;
        for (const Aligned& line : c.lines)
            if (line.a && c.a[*line.a].key.kind == EventKind::Send) {
                ++sends;
                pairedSends += line.b ? 1 : 0;
            }
        EXPECT_GT(sends, 0u) << name;
        EXPECT_EQ(pairedSends, sends) << name;
        // Once its clock is set by the first pair, every segment is sent at its own time (where
        // one died, and when the far end got one, the capture can only infer).
        for (const Aligned& line : c.lines) {
            if (line.a && line.b && c.a[*line.a].key.kind == EventKind::Send) {
                EXPECT_EQ(line.dt, 0) << name;
            }
        }
    }
}

// The table of profile differences comes from the constants and the transition table: every
// constant that differs is there with both values, one that does not is not, and every
// Linux-only transition is listed with its source.
TEST(Compare, TheProfileDifferencesAreTheConstantsThatDifferAndTheLinuxOnlyTransitions) {
    const std::vector<ProfileDifference> rows = profileDifferences();
    const auto row = [&rows](const std::string& what) -> const ProfileDifference* {
        for (const ProfileDifference& d : rows)
            if (d.what == what)
                return &d;
        return nullptr;
    };
    ASSERT_NE(row("TIME-WAIT (2 MSL)"), nullptr);
    EXPECT_EQ(row("TIME-WAIT (2 MSL)")->rfc, "240 s");
    EXPECT_EQ(row("TIME-WAIT (2 MSL)")->linux, "60 s");
    ASSERT_NE(row("RTO floor"), nullptr);
    EXPECT_EQ(row("RTO floor")->linux, "200 ms");
    EXPECT_EQ(row("initial RTO"), nullptr);  // 1 s in both
    std::size_t linuxOnly = 0, listed = 0;
    for (const Transition& t : transitions())
        if (t.linuxOnly) {
            ++linuxOnly;
            for (const ProfileDifference& d : rows)
                listed += d.what.rfind(std::string(t.id) + " ", 0) == 0 && d.source == t.section ? 1 : 0;
        }
    EXPECT_GT(linuxOnly, 0u);
    EXPECT_EQ(listed, linuxOnly);
}
