// Simulator's replay mode: an imported run steps forward and back through its own records, shows
// segments in flight between send and arrival, and refuses drops.
#include "core/capture/capture_reader.h"
#include "core/capture/reconstruct.h"
#include "core/sim/simulator.h"

#include <gtest/gtest.h>

namespace finwave {
namespace {

capture::Reconstruction realClose() {
    const auto one = capture::readConnection(std::string(FINWAVE_SOURCE_DIR) + "/tests/data/real-lo.pcap", 1);
    EXPECT_TRUE(one.ok()) << one.error;
    return capture::reconstruct(one.segments);
}

TEST(Replay, stepsThroughTheRecordsAndBackToTheSamePrefix) {
    const auto run = realClose();
    Simulator sim(Scenario{});
    sim.loadReplay(run.trace, run.issA, run.issB, "real-lo.pcap");
    EXPECT_TRUE(sim.isReplay());
    EXPECT_EQ(sim.trace().size(), 0u);
    const std::uint64_t steps = sim.runToEnd();
    EXPECT_EQ(sim.trace().size(), run.trace.size());
    EXPECT_EQ(steps, run.trace.records().back().step);
    EXPECT_EQ(sim.state(Side::A), TcpState::Closed);
    sim.seek(5);
    ASSERT_GT(sim.trace().size(), 0u);
    EXPECT_EQ(sim.trace().records().back().step, 5u);
    EXPECT_EQ(sim.state(Side::A), sim.trace().records().back().stateA);
    EXPECT_TRUE(sim.stepBack());
    EXPECT_EQ(sim.stepIndex(), 4u);
    EXPECT_EQ(sim.trace().records().back().step, 4u);
    sim.reset();
    EXPECT_EQ(sim.trace().size(), 0u);
    EXPECT_EQ(sim.relativeSeq(run.trace[1].seg), capture::relativeSeq(run, run.trace[1].seg));
}

TEST(Replay, showsASegmentInFlightUntilItArrivesAndRefusesDrops) {
    const auto run = realClose();
    Simulator sim(Scenario{});
    sim.loadReplay(run.trace, run.issA, run.issB, "real");
    // Step until a send record is the last one: that segment is in flight.
    while (sim.step() && sim.trace().records().back().kind != EventKind::Send) {
    }
    ASSERT_EQ(sim.trace().records().back().kind, EventKind::Send);
    const auto flying = sim.inFlight();
    ASSERT_EQ(flying.size(), 1u);
    EXPECT_EQ(flying[0].seg.id, sim.trace().records().back().seg.id);
    EXPECT_FALSE(sim.dropInFlight(flying[0].seg.id));
    EXPECT_EQ(sim.dropNext(Side::A), 0u);
    sim.step();
    EXPECT_TRUE(sim.inFlight().empty());
    // Loading a scenario leaves replay mode.
    sim.load(Scenario{});
    EXPECT_FALSE(sim.isReplay());
}

}  // namespace
}  // namespace finwave
