// Each built-in scenario against the exchange its rows in docs/protocol.md give (relative numbers, ISS = 0).
#include "support/engine_run.h"

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::testing;
using S = std::vector<std::string>;

namespace {
struct Played {
    explicit Played(const char* name) : sim(*builtinScenario(name)) { sim.runToEnd(); }
    Simulator sim;
};
}  // namespace

TEST(BuiltinScenarios, AllExistInDesignOrder) {
    const std::vector<std::string_view> expected = {
        "normal-close",  "piggyback-close", "simultaneous-close", "half-close",
        "lost-fin",      "lost-fin-ack",    "lost-last-ack",      "linger-abort",
        "unread-data-rst", "fin-wait-2-timeout", "retries-exhausted", "full-lifecycle", "old-duplicate"};
    EXPECT_EQ(builtinScenarioNames(), expected);
    for (auto n : expected) {
        auto s = builtinScenario(n);
        ASSERT_TRUE(s) << n;
        EXPECT_FALSE(s->description.empty());
    }
    EXPECT_FALSE(builtinScenario("no-such").has_value());
}

TEST(BuiltinScenarios, NormalCloseIsS1) {
    Played r("normal-close");
    EXPECT_EQ(segments(r.sim), (std::vector<Seg>{seg("A>B", "FIN,ACK", 1, 1), seg("B>A", "ACK", 1, 2),
                                                 seg("B>A", "FIN,ACK", 1, 2), seg("A>B", "ACK", 2, 2)}));
    EXPECT_EQ(states(r.sim, Side::A, TcpState::Established),
              (S{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED"}));
    EXPECT_EQ(states(r.sim, Side::B, TcpState::Established), (S{"ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
    // T6: A leaves TIME_WAIT 2MSL after it entered it.
    const auto tw = entered(r.sim, Side::A, TcpState::TimeWait);
    const auto closed = entered(r.sim, Side::A, TcpState::Closed);
    ASSERT_EQ(tw.size(), 1u);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0] - tw[0], 240 * kSec);
    EXPECT_EQ(r.sim.outcome(), Outcome::Graceful);
}

TEST(BuiltinScenarios, PiggybackCloseIsS2WithThreeSegments) {
    Played r("piggyback-close");
    EXPECT_EQ(segments(r.sim), (std::vector<Seg>{seg("A>B", "FIN,ACK", 1, 1), seg("B>A", "FIN,ACK", 1, 2),
                                                 seg("A>B", "ACK", 2, 2)}));
    EXPECT_EQ(states(r.sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "FIN_WAIT_1", "TIME_WAIT", "CLOSED"}));
}

TEST(BuiltinScenarios, SimultaneousCloseIsS3BothPassClosingAndTimeWait) {
    Played r("simultaneous-close");
    const auto segs = segments(r.sim);
    ASSERT_EQ(segs.size(), 4u);
    EXPECT_EQ(segs[0], seg("A>B", "FIN,ACK", 1, 1));
    EXPECT_EQ(segs[1], seg("B>A", "FIN,ACK", 1, 1));
    EXPECT_EQ(segs[2].flags, "ACK");
    EXPECT_EQ(segs[3].flags, "ACK");
    EXPECT_EQ(segs[2].seq, 2u);
    EXPECT_EQ(segs[2].ack, 2u);
    const S path{"ESTABLISHED", "FIN_WAIT_1", "CLOSING", "TIME_WAIT", "CLOSED"};
    EXPECT_EQ(states(r.sim, Side::A, TcpState::Established), path);
    EXPECT_EQ(states(r.sim, Side::B, TcpState::Established), path);
}

TEST(BuiltinScenarios, HalfCloseIsS6DataFlowsIntoFinWait2) {
    Played r("half-close");
    EXPECT_EQ(segments(r.sim),
              (std::vector<Seg>{seg("A>B", "FIN,ACK", 1, 1), seg("B>A", "ACK", 1, 2),
                                seg("B>A", "PSH,ACK", 1, 2, 100), seg("A>B", "ACK", 2, 101),
                                seg("B>A", "PSH,ACK", 101, 2, 100), seg("A>B", "ACK", 2, 201),
                                seg("B>A", "PSH,ACK", 201, 2, 100), seg("A>B", "ACK", 2, 301),
                                seg("B>A", "FIN,ACK", 301, 2), seg("A>B", "ACK", 2, 302)}));
    EXPECT_EQ(r.sim.tcb(Side::A).deliveredBytes, 300u);
}

TEST(BuiltinScenarios, LostFinIsS4ResentAfterOneSecond) {
    Played r("lost-fin");
    const auto segs = segments(r.sim);
    ASSERT_GE(segs.size(), 2u);
    EXPECT_EQ(segs[0], seg("A>B", "FIN,ACK", 1, 1, 0, true));
    EXPECT_EQ(segs[1], seg("A>B", "FIN,ACK", 1, 1, 0, false, true));
    // F1f: RTO = 1 s when CLOSE is called (RFC 6298 (2.1), floor 1 s).
    std::vector<Micros> sends;
    for (const auto& rec : r.sim.trace())
        if (rec.kind == EventKind::Send && rec.seg.dir == Direction::AtoB)
            sends.push_back(rec.t);
    ASSERT_GE(sends.size(), 2u);
    EXPECT_EQ(sends[1] - sends[0], 1 * kSec);
    EXPECT_EQ(r.sim.outcome(), Outcome::Graceful);
}

TEST(BuiltinScenarios, LostFinAckMakesAResendAndBAckAgain) {
    Played r("lost-fin-ack");
    const auto segs = segments(r.sim);
    ASSERT_GE(segs.size(), 4u);
    EXPECT_EQ(segs[0], seg("A>B", "FIN,ACK", 1, 1));
    EXPECT_EQ(segs[1], seg("B>A", "ACK", 1, 2, 0, true));
    EXPECT_EQ(segs[2], seg("A>B", "FIN,ACK", 1, 1, 0, false, true));
    EXPECT_EQ(segs[3], seg("B>A", "ACK", 1, 2));  // C4: the retransmitted FIN is ACKed again
    EXPECT_EQ(states(r.sim, Side::B, TcpState::Established), (S{"ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
}

TEST(BuiltinScenarios, LostLastAckMakesTimeWaitReAckAndRestart) {
    Played r("lost-last-ack");
    const auto segs = segments(r.sim);
    ASSERT_EQ(segs.size(), 6u);
    EXPECT_EQ(segs[3], seg("A>B", "ACK", 2, 2, 0, true));
    EXPECT_EQ(segs[4], seg("B>A", "FIN,ACK", 1, 2, 0, false, true));
    EXPECT_EQ(segs[5], seg("A>B", "ACK", 2, 2));
    // T1: TIME_WAIT restarted at the re-ACK and ends 2MSL after it.
    Micros reAck = 0;
    for (const auto& rec : r.sim.trace())
        if (rec.kind == EventKind::Send && rec.seg.dir == Direction::AtoB)
            reAck = rec.t;
    const auto closed = entered(r.sim, Side::A, TcpState::Closed);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0], reAck + 240 * kSec);
}

// A's 1000 bytes are lost; its close() with SO_LINGER 0 sends RST,ACK 30 ms later and throws the
// bytes away, so nothing resends them. The RST's sequence number is past what B has received, so B
// answers with a challenge ACK (RFC 5961 §3.2); A, with no connection, replies with a RST at the
// number B asked for (RFC 9293 §3.10.7.1), which B takes: its read() fails with ECONNRESET, and the
// bytes are never read.
TEST(BuiltinScenarios, LingerAbortIsS7RstAndNoTimeWait) {
    Played r("linger-abort");
    EXPECT_EQ(segments(r.sim), (std::vector<Seg>{seg("A>B", "PSH,ACK", 1001, 1, 1000, true), seg("A>B", "RST,ACK", 2001, 1),
                                                 seg("B>A", "ACK", 1, 1001), seg("A>B", "RST", 1001, 0)}));
    std::vector<std::string> returns;
    for (const TraceRecord& rec : r.sim.trace())
        if (rec.kind == EventKind::Return)
            returns.push_back(std::string(sideName(rec.side)) + " " + callReturnText(rec));
    EXPECT_EQ(returns, (std::vector<std::string>{"A write() = 1000", "A close() = 0, 1000 bytes thrown away",
                                                 "B read() = -1 ECONNRESET (blocked since 0.000000 s)"}));
    EXPECT_EQ(states(r.sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "CLOSED"}));
    EXPECT_EQ(states(r.sim, Side::B, TcpState::Established), (S{"ESTABLISHED", "CLOSED"}));
    EXPECT_EQ(r.sim.outcome(), Outcome::Reset);
}

TEST(BuiltinScenarios, UnreadDataRstIsS8) {
    Played r("unread-data-rst");
    EXPECT_EQ(segments(r.sim), (std::vector<Seg>{seg("B>A", "PSH,ACK", 1, 1, 100), seg("A>B", "ACK", 1, 101),
                                                 seg("A>B", "RST,ACK", 1, 101)}));
    EXPECT_EQ(states(r.sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "CLOSED"}));
    EXPECT_EQ(r.sim.outcome(), Outcome::Reset);
}

TEST(BuiltinScenarios, FinWait2TimeoutIsS9OnLinux) {
    Played r("fin-wait-2-timeout");
    const auto segs = segments(r.sim);
    ASSERT_EQ(segs.size(), 4u);
    EXPECT_EQ(segs[2], seg("B>A", "FIN,ACK", 1, 2));
    EXPECT_EQ(segs[3], seg("A>B", "RST", 2, 0));  // X1: <SEQ=SEG.ACK><CTL=RST>
    const auto fw2 = entered(r.sim, Side::A, TcpState::FinWait2);
    const auto closed = entered(r.sim, Side::A, TcpState::Closed);
    ASSERT_EQ(fw2.size(), 1u);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0] - fw2[0], 60 * kSec);  // tcp_fin_timeout
    EXPECT_EQ(states(r.sim, Side::B, TcpState::Established), (S{"ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
}

TEST(BuiltinScenarios, FinWait2HasNoTimerInTheRfcProfile) {
    Scenario s = *builtinScenario("fin-wait-2-timeout");
    applyProfile(s, Profile::Rfc);
    Simulator sim(s);
    sim.runToEnd();
    // RFC 9293: A stays in FIN_WAIT_2 until B's FIN at 70 s, then TIME_WAIT as in S1.
    EXPECT_EQ(states(sim, Side::A, TcpState::Established),
              (S{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED"}));
}

TEST(BuiltinScenarios, RetriesExhaustedBacksOffAndGivesUp) {
    Played r("retries-exhausted");
    std::vector<Micros> sends;
    for (const auto& rec : r.sim.trace())
        if (rec.kind == EventKind::Send)
            sends.push_back(rec.t);
    // F1f, F1g: retransmissions at 1, 3, 7, 15, 31, 63 s; give up at R2 >= 100 s (RFC 9293 §3.8.3).
    EXPECT_EQ(sends, (std::vector<Micros>{0, 1 * kSec, 3 * kSec, 7 * kSec, 15 * kSec, 31 * kSec, 63 * kSec}));
    EXPECT_EQ(r.sim.state(Side::A), TcpState::Closed);
    EXPECT_EQ(r.sim.outcome(), Outcome::GaveUp);
}

TEST(BuiltinScenarios, FullLifecycleOpensWithThreeAndClosesWithFour) {
    Played r("full-lifecycle");
    const auto segs = segments(r.sim);
    ASSERT_GE(segs.size(), 3u);
    EXPECT_EQ(segs[0], seg("A>B", "SYN", 0, 0));
    EXPECT_EQ(segs[1], seg("B>A", "SYN,ACK", 0, 1));
    EXPECT_EQ(segs[2], seg("A>B", "ACK", 1, 1));
    int fins = 0;
    for (const auto& s : segs)
        fins += s.flags.find("FIN") != std::string::npos;
    EXPECT_EQ(fins, 2);
    EXPECT_EQ(states(r.sim, Side::B, TcpState::Closed),
              (S{"CLOSED", "LISTEN", "SYN_RECEIVED", "ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
    EXPECT_EQ(r.sim.iss(Side::A), 1000u);  // relative numbers differ from absolute ones
    EXPECT_EQ(r.sim.outcome(), Outcome::Graceful);
}
