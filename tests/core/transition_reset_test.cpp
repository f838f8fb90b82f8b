// Transition rows of docs/protocol.md that end in a reset or abort: RST acceptance (RFC 9293
// §3.10.7.4 Second, RFC 5961), ABORT and SO_LINGER 0, unread data, data after close, TIME-WAIT
// assassination (RFC 1337), no TCB (one test per row, each built from actions and faults).
#include "support/engine_run.h"

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::testing;
using K = AppAction::Kind;
using T = AppAction::Trigger;
using S = std::vector<std::string>;

TEST(Transition, E2CloseWithUnreadDataSendsRstNotFin) {
    Scenario s = established();
    s.a.autoRead = false;
    s.actions = {action(Side::B, K::Send, 0, T::AtTime, 100), action(Side::A, K::Close, 200 * kMs)};
    auto sim = play(s);
    const auto segs = segments(*sim);
    ASSERT_EQ(segs.size(), 3u);
    EXPECT_EQ(segs[2], seg("A>B", "RST", 1, 0));  // RFC format: <SEQ=SND.NXT><CTL=RST>
    EXPECT_TRUE(hasReason(*sim, Reason::UnreadDataResetClosed));
}

TEST(Transition, E2ReadingTheDataFirstMakesCloseSendAFin) {
    Scenario s = established();
    s.a.autoRead = false;
    s.actions = {action(Side::B, K::Send, 0, T::AtTime, 100), action(Side::A, K::Read, 150 * kMs),
                 action(Side::A, K::Close, 200 * kMs)};
    auto sim = play(s);
    EXPECT_EQ(segments(*sim)[2].flags, "FIN,ACK");
}

TEST(Transition, E3AbortSendsRstAndNeitherEndEntersTimeWait) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Abort, 0)};
    auto sim = play(s);
    EXPECT_EQ(segments(*sim), (std::vector<Seg>{seg("A>B", "RST", 1, 0)}));
    EXPECT_TRUE(entered(*sim, Side::A, TcpState::TimeWait).empty());
    EXPECT_TRUE(entered(*sim, Side::B, TcpState::TimeWait).empty());
    EXPECT_EQ(sim->state(Side::B), TcpState::Closed);
}

TEST(Transition, E5ValidRstInEstablishedCloses) {
    Scenario s = established();
    s.actions = {action(Side::B, K::Abort, 0)};
    auto sim = play(s);
    EXPECT_EQ(sim->state(Side::A), TcpState::Closed);
    EXPECT_TRUE(hasReason(*sim, Reason::RstReceivedClosed));
}

TEST(Transition, F1eDataInFinWait1IsAcceptedByRfcAndResetByLinuxAfterClose) {
    for (Profile p : {Profile::Rfc, Profile::Linux}) {
        Scenario s = established(p);
        s.params.delayedAck = false;
        s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Send, 0, T::AtTime, 100)};
        auto sim = play(s);
        if (p == Profile::Rfc) {
            EXPECT_EQ(sim->tcb(Side::A).deliveredBytes, 100u);
            EXPECT_FALSE(hasReason(*sim, Reason::SendRstDataAfterClose));
        } else {
            EXPECT_TRUE(hasReason(*sim, Reason::SendRstDataAfterClose));
            EXPECT_TRUE(hasReason(*sim, Reason::DataAfterCloseResetClosed));
        }
    }
}

TEST(Transition, F1iRstInFinWait1Closes) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Abort, 10 * kMs)};
    auto sim = play(s);
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "FIN_WAIT_1", "CLOSED"}));
    EXPECT_TRUE(hasReason(*sim, Reason::RstReceivedClosed));
}

TEST(Transition, F2bLinuxDataAfterCloseInFinWait2IsAnsweredWithRst) {
    Scenario s = established(Profile::Linux);
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Send, 300 * kMs, T::AfterEof, 100)};
    auto sim = play(s);
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSED"}));
    EXPECT_EQ(segments(*sim).back(), seg("A>B", "RST", 2, 0));  // built from the segment: SEQ = its ACK
}

TEST(Transition, F2bAfterShutdownWriteDataIsAcceptedInFinWait2) {
    Scenario s = established(Profile::Linux);
    s.actions = {action(Side::A, K::ShutdownWrite, 0), action(Side::B, K::Send, 300 * kMs, T::AfterEof, 100)};
    auto sim = play(s);
    EXPECT_EQ(sim->state(Side::A), TcpState::FinWait2);
    EXPECT_EQ(sim->tcb(Side::A).deliveredBytes, 100u);
}

TEST(Transition, F2fRstInFinWait2Closes) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Abort, 200 * kMs, T::AfterEof)};
    auto sim = play(s);
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSED"}));
    EXPECT_EQ(segments(*sim).back(), seg("B>A", "RST", 1, 0));
}

TEST(Transition, C3CloseInCloseWaitWithUnreadDataSendsRst) {
    Scenario s = established();
    s.b.autoRead = false;
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 100), action(Side::A, K::Close, 10 * kMs),
                 action(Side::B, K::Close, 100 * kMs, T::AfterEof)};
    auto sim = play(s);
    EXPECT_EQ(states(*sim, Side::B, TcpState::Established), (S{"ESTABLISHED", "CLOSE_WAIT", "CLOSED"}));
    EXPECT_TRUE(hasReason(*sim, Reason::SendRstUnreadData));
}

TEST(Transition, C5RstInCloseWaitCloses) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0), action(Side::A, K::Abort, 200 * kMs)};
    auto sim = play(s);
    EXPECT_EQ(states(*sim, Side::B, TcpState::Established), (S{"ESTABLISHED", "CLOSE_WAIT", "CLOSED"}));
}

TEST(Transition, T3OldDuplicateAssassinatesTimeWaitUnlessRfc1337) {
    // RFC 1337 §1: an old segment reaches A in TIME_WAIT, A ACKs it, B (no TCB) answers RST,
    // and the RST with SEG.SEQ = RCV.NXT kills TIME_WAIT (RFC 9293); fix F1 ignores it.
    for (bool rfc1337 : {false, true}) {
        Scenario s = normalClose();
        s.params.rfc1337 = rfc1337;
        s.faults = {duplicateNth(Direction::BtoA, 1, 10 * kSec)};
        auto sim = play(s);
        EXPECT_EQ(hasReason(*sim, Reason::RstKilledTimeWait), !rfc1337);
        EXPECT_EQ(hasReason(*sim, Reason::IgnoredRstRfc1337), rfc1337);
        const auto closed = entered(*sim, Side::A, TcpState::Closed);
        ASSERT_EQ(closed.size(), 1u);
        EXPECT_EQ(closed[0] < 20 * kSec, !rfc1337);
    }
}

TEST(Transition, T7AbortInTimeWaitClosesWithoutRst) {
    Scenario s = normalClose();
    s.actions.push_back(action(Side::A, K::Abort, 1 * kSec));
    auto sim = play(s);
    for (const auto& r : sim->trace()) {
        if (r.kind == EventKind::Send) {
            EXPECT_FALSE(r.seg.has(flag::Rst));
        }
    }
    EXPECT_TRUE(hasReason(*sim, Reason::AbortClosed));
}

TEST(Transition, X1SegmentForAClosedEndpointIsAnsweredWithRst) {
    auto sim = play(*builtinScenario("fin-wait-2-timeout"));
    EXPECT_TRUE(hasReason(*sim, Reason::SendRstNoTcb));
}

TEST(Transition, G4RstInClosingCloses) {
    // Both close; B aborts from FIN_WAIT_1 after its FIN left: its RST (seq 2) reaches A in CLOSING.
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 0), action(Side::B, K::Abort, 10 * kMs)};
    auto sim = play(s);
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "FIN_WAIT_1", "CLOSING", "CLOSED"}));
    EXPECT_TRUE(hasReason(*sim, Reason::RstReceivedClosed));
}

TEST(Transition, L4RstInLastAckCloses) {
    // B closes at 250 ms; A aborts from FIN_WAIT_2 at 260 ms, before B's FIN arrives.
    Scenario s = normalClose();
    s.actions.push_back(action(Side::A, K::Abort, 260 * kMs));
    auto sim = play(s);
    EXPECT_EQ(states(*sim, Side::B, TcpState::Established), (S{"ESTABLISHED", "CLOSE_WAIT", "LAST_ACK", "CLOSED"}));
    const auto closed = entered(*sim, Side::B, TcpState::Closed);
    ASSERT_EQ(closed.size(), 1u);
    EXPECT_EQ(closed[0], 310 * kMs);  // the RST's arrival, not an ACK
}

TEST(Transition, T3ExactForgedRstKillsTimeWaitUnlessRfc1337) {
    for (bool rfc1337 : {false, true}) {
        Scenario s = normalClose();
        s.params.rfc1337 = rfc1337;
        s.faults = {forgedRst(Direction::BtoA, 5 * kSec, 0)};  // SEG.SEQ = RCV.NXT
        auto sim = play(s);
        EXPECT_TRUE(hasReason(*sim, Reason::InjectedRst));
        EXPECT_EQ(hasReason(*sim, Reason::RstKilledTimeWait), !rfc1337);
    }
}

TEST(Transition, T4InWindowRstInTimeWaitGetsAChallengeAckOnRfcAndSilenceOnLinux) {
    for (Profile p : {Profile::Rfc, Profile::Linux}) {
        Scenario s = normalClose(p);
        s.faults = {forgedRst(Direction::BtoA, 5 * kSec, 100)};  // inside the window, not exact
        auto sim = play(s);
        const bool rfc = p == Profile::Rfc;
        EXPECT_EQ(hasReason(*sim, Reason::SendChallengeAck), rfc) << profileName(p);
        // RFC: the challenge ACK reaches B, which has no TCB and answers RST <SEQ=SEG.ACK>: exactly
        // RCV.NXT, so TIME_WAIT is assassinated after all (RFC 1337 §1). Linux drops the forged RST
        // silently and TIME_WAIT runs its full 60 s.
        EXPECT_EQ(hasReason(*sim, Reason::RstKilledTimeWait), rfc) << profileName(p);
        const auto tw = entered(*sim, Side::A, TcpState::TimeWait);
        const auto closed = entered(*sim, Side::A, TcpState::Closed);
        ASSERT_EQ(closed.size(), 1u);
        EXPECT_EQ(closed[0] - tw[0] == s.params.timeWait, !rfc) << profileName(p);
    }
}

TEST(Transition, R4BlindResetInEstablishedExactResetsInWindowChallengesOutsideIgnored) {
    struct Case {
        std::int32_t offset;
        bool reset, challenged;
    } cases[] = {{0, true, false}, {1000, false, true}, {-5, false, false}, {100000, false, false}};
    for (const Case& c : cases) {
        Scenario s = established();
        s.faults = {forgedRst(Direction::BtoA, 10 * kMs, c.offset)};
        auto sim = play(s);
        EXPECT_EQ(sim->state(Side::A) == TcpState::Closed, c.reset) << c.offset;
        EXPECT_EQ(hasReason(*sim, Reason::SendChallengeAck), c.challenged) << c.offset;
    }
}

TEST(Transition, F2eLinuxOrphanWithNegativeLinger2ResetsInsteadOfWaitingInFinWait2) {
    Scenario s = established(Profile::Linux);
    s.a.linger2Negative = true;
    s.actions = {action(Side::A, K::Close, 0)};
    auto sim = play(s);
    // F2e (tcp_rcv_state_process()): the ACK of A's FIN is answered with R seq=2; A never enters FIN_WAIT_2.
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "FIN_WAIT_1", "CLOSED"}));
    EXPECT_EQ(segments(*sim).back(), seg("A>B", "RST", 2, 0));
    EXPECT_TRUE(hasReason(*sim, Reason::SendRstLinger2));
    EXPECT_EQ(sim->state(Side::B), TcpState::Closed);  // B, in CLOSE_WAIT, takes the RST
    // shutdown() is no orphan: the option does not apply.
    s.actions = {action(Side::A, K::ShutdownWrite, 0)};
    auto kept = play(s);
    EXPECT_EQ(kept->state(Side::A), TcpState::FinWait2);
}
