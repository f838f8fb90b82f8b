// Same seed, same run; step back restores the exact earlier state; changes apply from now.
#include "core/sim/trace_format.h"
#include "support/engine_run.h"

#include <gtest/gtest.h>

#include <sstream>

using namespace finwave;
using namespace finwave::testing;

namespace {
std::string jsonl(const Simulator& sim) { return finwave::testing::traceJsonl(sim); }

std::string tcbText(const Simulator& sim) {
    std::ostringstream out;
    for (Side side : {Side::A, Side::B}) {
        const TcbView t = sim.tcb(side);
        out << stateName(t.state) << ' ' << t.sndUna << ' ' << t.sndNxt << ' ' << t.rcvNxt << ' ' << t.rto << ' '
            << t.retries << ' ' << t.unreadBytes << ' ' << t.retransmissionQueue.size();
        for (const auto& timer : t.timers)
            out << " T" << static_cast<int>(timer.kind) << '@' << timer.deadline;
        out << '\n';
    }
    for (const auto& f : sim.inFlight())
        out << f.seg.id << ' ' << f.arrivesAt << ' ' << f.lost << '\n';
    return out.str() + std::to_string(sim.now()) + ' ' + std::to_string(sim.stepIndex());
}

Scenario lossy() {
    Scenario s = *builtinScenario("half-close");
    s.actions.push_back(action(Side::B, AppAction::Kind::Send, 50 * kMs, AppAction::Trigger::AfterEof, 3000));
    s.ab.loss = s.ba.loss = 0.3;
    s.ab.jitter = s.ba.jitter = 40 * kMs;
    s.seed = 42;
    return s;
}
}  // namespace

TEST(Determinism, SameSeedGivesByteIdenticalJsonl) {
    Simulator a(lossy()), b(lossy());
    a.runToEnd();
    b.runToEnd();
    EXPECT_FALSE(jsonl(a).empty());
    EXPECT_EQ(jsonl(a), jsonl(b));
    Scenario other = lossy();
    other.seed = 43;
    Simulator c(other);
    c.runToEnd();
    EXPECT_NE(jsonl(a), jsonl(c));  // the seed matters
}

TEST(Determinism, JsonlHasTheContractFields) {
    Simulator sim(*builtinScenario("normal-close"));
    sim.runToEnd();
    const std::string first = jsonlRecord(sim, sim.trace()[0]);
    for (const char* key : {"\"step\":", "\"t_us\":", "\"kind\":", "\"side\":", "\"state_a\":", "\"state_b\":",
                            "\"reason\":"})
        EXPECT_NE(first.find(key), std::string::npos) << key;
    bool sawSegment = false;
    for (const auto& r : sim.trace()) {
        if (r.kind != EventKind::Send)
            continue;
        const std::string line = jsonlRecord(sim, r);
        EXPECT_NE(line.find("\"seg\":{\"id\":"), std::string::npos);
        EXPECT_NE(line.find("\"dir\":\"A>B\""), std::string::npos);
        EXPECT_NE(line.find("\"flags\":[\"FIN\",\"ACK\"]"), std::string::npos);
        EXPECT_NE(line.find("\"retransmission\":false"), std::string::npos);
        EXPECT_NE(line.find("\"seq_abs\":"), std::string::npos);
        sawSegment = true;
        break;
    }
    EXPECT_TRUE(sawSegment);
}

TEST(Determinism, StepBackThenForwardRestoresTheIdenticalState) {
    Simulator sim(lossy());
    std::vector<std::string> states{tcbText(sim)};
    std::vector<std::size_t> sizes{0};
    while (sim.step()) {
        states.push_back(tcbText(sim));
        sizes.push_back(sim.trace().size());
    }
    const std::string full = jsonl(sim);
    ASSERT_GT(states.size(), 40u);  // long enough to cross checkpoints
    const std::size_t n = states.size() - 1;
    for (std::size_t k = n; k > 0; --k) {
        ASSERT_TRUE(sim.stepBack());
        ASSERT_EQ(tcbText(sim), states[k - 1]) << "after stepping back to " << k - 1;
        ASSERT_EQ(sim.trace().size(), sizes[k - 1]);
    }
    EXPECT_FALSE(sim.stepBack());
    while (sim.step()) {
    }
    EXPECT_EQ(jsonl(sim), full);
    sim.seek(17);
    EXPECT_EQ(tcbText(sim), states[17]);
}

TEST(Determinism, AfterStepBackTheNextStepFollowsTheNewParameters) {
    Simulator sim(*builtinScenario("normal-close"));
    sim.seek(3);  // A in FIN_WAIT_2, B in CLOSE_WAIT
    sim.seek(1);  // back: A's FIN in flight
    ChannelParams lossy = sim.channel(Direction::BtoA);
    lossy.loss = 1.0;
    sim.setChannel(Direction::BtoA, lossy);
    sim.runToEnd();
    // The old future (B's ACK arriving) is gone: every B->A segment is now lost.
    for (const auto& r : sim.trace()) {
        if (r.kind == EventKind::Arrive) {
            EXPECT_NE(r.seg.dir, Direction::BtoA);
        }
    }
    EXPECT_EQ(sim.channel(Direction::BtoA).loss, 1.0);
}

TEST(Determinism, ParametersSetBeforeAStepBackStayAfterIt) {
    Simulator sim(*builtinScenario("lost-fin"));
    sim.seek(2);
    ProtocolParams p = sim.params();
    p.timeWait = 5 * kSec;
    sim.setParams(p);
    sim.stepBack();
    EXPECT_EQ(sim.params().timeWait, 5 * kSec);
    sim.runToEnd();
    const auto tw = entered(sim, Side::A, TcpState::TimeWait);
    const auto closed = entered(sim, Side::A, TcpState::Closed);
    ASSERT_EQ(tw.size(), 1u);
    EXPECT_EQ(closed[0] - tw[0], 5 * kSec);
}

TEST(Determinism, ClickToDropKillsTheSegmentInFlightAndIsUndoneByStepBack) {
    Simulator sim(*builtinScenario("normal-close"));
    sim.step();  // A's FIN leaves
    const auto flying = sim.inFlight();
    ASSERT_EQ(flying.size(), 1u);
    ASSERT_TRUE(sim.dropInFlight(flying[0].seg.id));
    sim.step();
    EXPECT_EQ(sim.trace().records().back().kind, EventKind::Drop);
    EXPECT_EQ(sim.trace().records().back().reason, Reason::LostByUser);
    sim.stepBack();
    sim.stepBack();
    sim.step();
    sim.step();
    EXPECT_EQ(sim.state(Side::B), TcpState::CloseWait);  // the drop was undone with its step
    EXPECT_FALSE(sim.dropInFlight(9999));
}

namespace {
// MSS 1 and one large send: thousands of segments in flight at once, the shape of the reliability
// issue's 50 000-segment run (here 4 000, so the test is quick).
Scenario manyInFlight(std::uint32_t bytes) {
    Scenario s = *builtinScenario("half-close");
    s.params.mss = 1;
    s.actions.clear();
    s.actions.push_back(action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, bytes));
    s.actions.push_back(action(Side::A, AppAction::Kind::Close, kMs, AppAction::Trigger::AtTime, 0));
    s.actions.push_back(action(Side::B, AppAction::Kind::Close, 0, AppAction::Trigger::AfterEof, 0));
    return s;
}
}  // namespace

// A checkpoint copies every segment in flight; taken every 32 steps the history of this run was
// 8000 steps x up to 4000 events: about 40 MB here and 3 GB for the 50 000-byte run. Now the
// history grows by a small constant per step.
TEST(Determinism, TheStepBackHistoryGrowsWithTheStepsNotWithStepsTimesSegmentsInFlight) {
    Simulator sim(manyInFlight(4000));
    sim.runToEnd();
    ASSERT_GT(sim.stepIndex(), 8000u);
    EXPECT_LE(sim.historyBytes(), 200 * sim.stepIndex() + 64 * 1024) << sim.stepIndex() << " steps";
}

TEST(Determinism, StepsBackThroughSparseCheckpointsRestoreTheSameStates) {
    Simulator whole(manyInFlight(1500));
    whole.runToEnd();
    const std::uint64_t end = whole.stepIndex();
    Simulator sim(manyInFlight(1500));
    for (std::uint64_t target : {end / 2, end / 3, end / 3 - 1, std::uint64_t{5}}) {
        Simulator fresh(manyInFlight(1500));
        fresh.seek(target);
        sim.seek(end);
        sim.seek(target);
        EXPECT_EQ(tcbText(sim), tcbText(fresh)) << target;
    }
    sim.seek(end);
    EXPECT_EQ(jsonl(sim), jsonl(whole));
}

// Found by fuzz_stepping: a long lossy run seeked far ahead, then back, then stepped on, equals a
// fresh run seeked to the same step, and its history is in proportion to the steps it now holds.
TEST(Determinism, SeekingBackThroughSparseCheckpointsAndOnAgainEqualsAFreshRun) {
    const auto& names = builtinScenarioNames();
    Scenario s = *builtinScenario(names[0x0b % names.size()]);
    s.params.mss = 1;
    s.actions.insert(s.actions.begin(), action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, 400));
    s.ab.loss = s.ba.loss = 0.05;
    s.horizon = std::min<Micros>(s.horizon, 600 * kSec);
    Simulator sim(s);
    sim.seek(sim.stepIndex() + 0xfe * 64ull);
    for (unsigned k = 0; k < 0xe0 * 8 && sim.step(); ++k) {
    }
    sim.seek(sim.stepIndex() * 2 / 255);
    for (unsigned k = 0; k < 0x64 * 8 && sim.step(); ++k) {
    }
    Simulator fresh(s);
    fresh.seek(sim.stepIndex());
    ASSERT_EQ(fresh.stepIndex(), sim.stepIndex());
    EXPECT_EQ(jsonl(fresh), jsonl(sim)) << names[0x0b % names.size()] << " at step " << sim.stepIndex();
    Simulator recorded(sim.recordedRun());
    recorded.seek(sim.stepIndex());
    ASSERT_EQ(recorded.stepIndex(), sim.stepIndex());
    EXPECT_EQ(jsonl(recorded), jsonl(sim)) << "the recorded run";
    // And the history seeked back from far ahead holds no more than the steps it keeps need
    // (it kept the far point's list of checkpoints: fuzz_stepping's finding).
    EXPECT_LE(sim.historyBytes(), 400 * sim.stepIndex() + (1u << 20)) << sim.stepIndex() << " steps";
}
