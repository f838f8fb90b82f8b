// The teardown in words for each built-in scenario, captured at A and read back.
#include "core/scenario/builtin_scenarios.h"
#include "core/capture/capture_reader.h"
#include "core/capture/capture_writer.h"
#include "core/capture/teardown.h"
#include "support/tshark_run.h"

#include <gtest/gtest.h>

namespace finwave {
namespace {

capture::Teardown teardownOf(const char* scenario) {
    Simulator sim(*builtinScenario(scenario));
    sim.runToEnd();
    const std::string path = testing::writeTemp(std::string("td_") + scenario + ".pcapng", capture::writeCapture(sim, {}));
    const auto one = capture::readConnection(path, 1);
    EXPECT_TRUE(one.ok()) << one.error;
    return capture::classifyTeardown(capture::reconstruct(one.segments));
}

TEST(Teardown, namesEachBuiltinClose) {
    using K = capture::TeardownKind;
    EXPECT_EQ(teardownSentence(teardownOf("normal-close")), "complete four-way close");
    EXPECT_EQ(teardownSentence(teardownOf("piggyback-close")), "three-segment close (FIN+ACK)");
    EXPECT_EQ(teardownSentence(teardownOf("simultaneous-close")), "simultaneous close");
    EXPECT_EQ(teardownSentence(teardownOf("half-close")),
              "complete four-way close; half-close with data after the first FIN");
    EXPECT_EQ(teardownSentence(teardownOf("lost-fin")), "complete four-way close; retransmitted FIN");
    EXPECT_EQ(teardownSentence(teardownOf("unread-data-rst")), "abortive close by RST from A after data, before any FIN");
    EXPECT_EQ(teardownSentence(teardownOf("fin-wait-2-timeout")), "abortive close by RST from A after both FINs");
    const auto gaveUp = teardownOf("retries-exhausted");
    EXPECT_EQ(gaveUp.kind, K::StillOpen);
    EXPECT_TRUE(gaveUp.retransmittedFin);
    EXPECT_EQ(gaveUp.endA, TcpState::FinWait1);  // at its last captured packet
    EXPECT_EQ(gaveUp.endB, TcpState::Established);
}

TEST(Teardown, saysWhenTheFinalAckIsNotSeen) {
    // A capture of normal-close that stops just before A's last ACK.
    Simulator sim(*builtinScenario("normal-close"));
    sim.runToEnd();
    const std::string path = testing::writeTemp("td_cut.pcapng", capture::writeCapture(sim, {}));
    auto one = capture::readConnection(path, 1);
    ASSERT_TRUE(one.ok());
    one.segments.pop_back();
    const auto t = capture::classifyTeardown(capture::reconstruct(one.segments));
    EXPECT_EQ(t.kind, capture::TeardownKind::FourWay);
    EXPECT_TRUE(t.finalAckMissing);
    EXPECT_EQ(teardownSentence(t), "complete four-way close; final ACK not seen");
}

}  // namespace
}  // namespace finwave
