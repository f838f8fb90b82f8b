// M9: a scenario's own fault names the segment it means ("A's first pure ACK"), so a drop made by
// the user before it never moves it onto another segment; and where the user's run leaves what
// the scenario was written to show, core says so.
#include "core/protocol/segment.h"
#include "core/scenario/builtin_scenarios.h"
#include "core/sim/simulator.h"
#include "core/teaching/departure.h"

#include <gtest/gtest.h>

namespace finwave {
namespace {

std::vector<FaultTaken> faultsOf(const Simulator& sim) { return storyOf(sim.trace(), sim.outcome()).faults; }

TEST(Departure, TheLastAckIsLostEvenAfterTheUserDropsAFirstFin) {
    // "The last ACK is lost", and the teacher drops A's first FIN (D before the close).
    Simulator sim(*builtinScenario("lost-last-ack"));
    sim.dropNext(Side::A);
    sim.runToEnd();
    const std::vector<FaultTaken> taken = faultsOf(sim);
    ASSERT_EQ(taken.size(), 1u);
    // The scenario's fault still takes A's pure ACK, the last ACK, not the resent FIN.
    EXPECT_EQ(taken[0], (FaultTaken{Side::A, flag::Ack}));
    bool userDroppedFin = false, lastAckLost = false;
    for (const TraceRecord& r : sim.trace()) {
        userDroppedFin |= r.kind == EventKind::Drop && r.reason == Reason::LostByUser && r.seg.has(flag::Fin);
        lastAckLost |= r.kind == EventKind::Drop && r.reason == Reason::LostTargeted && r.seg.flags == flag::Ack;
    }
    EXPECT_TRUE(userDroppedFin);
    EXPECT_TRUE(lastAckLost);
    // So the run still tells the scenario's story.
    EXPECT_FALSE(departureFrom(writtenStory(*builtinScenario("lost-last-ack")), sim.trace(), sim.outcome(), true));
}

TEST(Departure, ARunThatNoLongerShowsTheScenarioIsNamed) {
    // The story of "The last ACK is lost": A's pure ACK taken, and a graceful end.
    const Scenario sc = *builtinScenario("lost-last-ack");
    const ScenarioStory written = writtenStory(sc);
    ASSERT_EQ(written.faults.size(), 1u);
    EXPECT_EQ(written.faults[0], (FaultTaken{Side::A, flag::Ack}));
    EXPECT_EQ(written.outcome, Outcome::Graceful);
    // A run whose fault took A's FIN instead is named at once, before its end.
    Trace changed;
    TraceRecord drop;
    drop.kind = EventKind::Drop;
    drop.reason = Reason::LostTargeted;
    drop.side = Side::Net;
    drop.seg.dir = Direction::AtoB;
    drop.seg.flags = flag::Fin | flag::Ack;
    changed.append(drop);
    const auto d = departureFrom(written, changed, Outcome::Running, false);
    ASSERT_TRUE(d);
    ASSERT_TRUE(d->written && d->taken);
    EXPECT_EQ(d->written->flags, flag::Ack);
    EXPECT_EQ(d->taken->flags, flag::Fin | flag::Ack);
    // A run that ends without the fault taken, or another way, is named at its end only.
    const Trace none;
    EXPECT_FALSE(departureFrom(written, none, Outcome::Running, false));
    const auto missing = departureFrom(written, none, Outcome::Reset, true);
    ASSERT_TRUE(missing);
    EXPECT_TRUE(missing->faultMissing);
    EXPECT_TRUE(missing->outcomeChanged);
    EXPECT_EQ(missing->writtenOutcome, Outcome::Graceful);
}

TEST(Departure, EveryBuiltInRunAloneKeepsToItsOwnStory) {
    for (std::string_view name : builtinScenarioNames()) {
        const Scenario sc = *builtinScenario(name);
        Simulator sim(sc);
        sim.runToEnd();
        EXPECT_FALSE(departureFrom(writtenStory(sc), sim.trace(), sim.outcome(), sim.isFinished())) << name;
    }
}

}  // namespace
}  // namespace finwave
