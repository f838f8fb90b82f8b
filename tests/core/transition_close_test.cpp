// Transition rows of docs/protocol.md for the orderly close: FIN, ACK, retransmission and
// TIME-WAIT (one test per row, each built from actions and faults).
#include "support/engine_run.h"

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::testing;
using K = AppAction::Kind;
using T = AppAction::Trigger;
using S = std::vector<std::string>;

TEST(Transition, E1CloseInEstablishedSendsFinAndStartsRetransmissionTimer) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0)};
    Simulator sim(s);
    sim.step();
    EXPECT_EQ(sim.state(Side::A), TcpState::FinWait1);
    const TcbView a = sim.tcb(Side::A);
    EXPECT_EQ(a.sndNxt - a.iss, 2u);  // RFC 9293 §3.4: the FIN took one sequence number
    ASSERT_EQ(a.timers.size(), 1u);
    EXPECT_EQ(a.timers[0].kind, TimerKind::Retransmission);
    ASSERT_EQ(a.retransmissionQueue.size(), 1u);
    EXPECT_EQ(flagsText(a.retransmissionQueue[0].flags), "FIN,ACK");
}

TEST(Transition, E4FinInEstablishedEntersCloseWaitAndAcksAtOnceWithoutDelayedAck) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0)};
    Simulator sim(s);
    sim.step();
    sim.step();
    EXPECT_EQ(sim.state(Side::B), TcpState::CloseWait);
    EXPECT_EQ(sim.tcb(Side::B).rcvNxt, 2u);
    EXPECT_EQ(segments(sim).back(), seg("B>A", "ACK", 1, 2));
}

TEST(Transition, E4WithDelayedAckTheAckWaitsForTheTimer) {
    Scenario s = established(Profile::Rfc);
    s.params.delayedAck = true;  // RFC 9293 §3.8.6.3 allows it; the delay must stay below 0.5 s
    s.actions = {action(Side::A, K::Close, 0)};
    auto sim = play(s);
    Micros ackAt = -1;
    for (const auto& r : sim->trace())
        if (r.kind == EventKind::Send && r.seg.dir == Direction::BtoA && ackAt < 0)
            ackAt = r.t;
    EXPECT_EQ(ackAt, 50 * kMs + 200 * kMs);  // the rfc profile's delayed-ACK time after the FIN arrived
    EXPECT_TRUE(hasReason(*sim, Reason::SendDelayedAck));
}

TEST(Transition, F1bAckOfDataOnlyKeepsFinWait1UntilTheFinIsCovered) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 1000), action(Side::A, K::Close, 10 * kMs)};
    auto sim = play(s);
    const auto segs = segments(*sim);
    EXPECT_EQ(segs[0], seg("A>B", "PSH,ACK", 1, 1, 1000));
    EXPECT_EQ(segs[1], seg("A>B", "FIN,ACK", 1001, 1));
    EXPECT_EQ(segs[2], seg("B>A", "ACK", 1, 1001));
    // F1b: ACK 1001 leaves A in FIN_WAIT_1; ACK 1002 takes it to FIN_WAIT_2.
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2"}));
    const auto fw2 = entered(*sim, Side::A, TcpState::FinWait2);
    ASSERT_EQ(fw2.size(), 1u);
    EXPECT_EQ(fw2[0], 110 * kMs);
}

TEST(Transition, S12aFinRidesOnTheLastDataSegmentWhenCloseComesBeforeItIsSent) {
    Scenario s = established();
    s.params.mss = 1000;
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 1500), action(Side::A, K::Close, 0)};
    auto sim = play(s);
    const auto segs = segments(*sim);
    EXPECT_EQ(segs[0], seg("A>B", "PSH,ACK", 1, 1, 1000));
    EXPECT_EQ(segs[1], seg("A>B", "FIN,PSH,ACK", 1001, 1, 500));
    EXPECT_EQ(segs[2].ack, 1001u);
    EXPECT_EQ(segs[3].ack, 1502u);  // the FIN is seq 1501
}

TEST(Transition, F1cFinWhoseAckDoesNotCoverOursEntersClosing) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 0)};
    auto sim = play(s);
    EXPECT_EQ(entered(*sim, Side::A, TcpState::Closing).size(), 1u);
    EXPECT_EQ(entered(*sim, Side::B, TcpState::Closing).size(), 1u);
}

TEST(Transition, F1dFinAckCoveringOurFinGoesStraightToTimeWait) {
    auto sim = play(*builtinScenario("piggyback-close"));
    EXPECT_TRUE(entered(*sim, Side::A, TcpState::FinWait2).empty());
    EXPECT_TRUE(hasReason(*sim, Reason::FinAckAndFinEnterTimeWait));
}

TEST(Transition, F1fRetransmittedFinKeepsItsSequenceNumberAndDoublesRto) {
    Scenario s = established();
    s.ab.loss = 1.0;
    s.actions = {action(Side::A, K::Close, 0)};
    Simulator sim(s);
    sim.runUntil(3 * kSec + 1);
    std::vector<Micros> at;
    for (const auto& r : sim.trace())
        if (r.kind == EventKind::Send) {
            EXPECT_EQ(sim.relativeSeq(r.seg), 1u);
            at.push_back(r.t);
        }
    EXPECT_EQ(at, (std::vector<Micros>{0, 1 * kSec, 3 * kSec}));
    EXPECT_EQ(sim.tcb(Side::A).rto, 4 * kSec);
}

TEST(Transition, F1gLinuxOrphanGivesUpAfterOrphanRetriesSilently) {
    Scenario s = established(Profile::Linux);
    s.ab.loss = 1.0;
    s.actions = {action(Side::A, K::Close, 0)};
    auto sim = play(s);
    // tcp_orphan_retries 0 -> 8 RTO retransmissions, after the one tail-loss probe (RFC 8985 §7.3).
    EXPECT_EQ(sim->retransmissions(), 9);
    EXPECT_EQ(sim->state(Side::A), TcpState::Closed);
    for (const auto& r : sim->trace()) {
        if (r.kind == EventKind::Send) {
            EXPECT_FALSE(r.seg.has(flag::Rst));
        }
    }
    EXPECT_EQ(sim->outcome(), Outcome::GaveUp);
}

TEST(Transition, F1hSecondCloseSendsNoSecondFin) {
    Scenario s = normalClose();
    s.actions.push_back(action(Side::A, K::Close, 10 * kMs));
    auto sim = play(s);
    int fins = 0;
    for (const auto& x : segments(*sim))
        fins += x.dir == "A>B" && x.flags == "FIN,ACK";
    EXPECT_EQ(fins, 1);
    EXPECT_TRUE(hasReason(*sim, Reason::AppCloseRefused));
}

TEST(Transition, F2cDuplicateAckInFinWait2ChangesNothing) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0)};
    s.faults = {duplicateNth(Direction::BtoA, 1, 500 * kMs)};
    auto sim = play(s);
    EXPECT_EQ(sim->state(Side::A), TcpState::FinWait2);
    EXPECT_TRUE(hasReason(*sim, Reason::DuplicateDelivered));
    EXPECT_EQ(segments(*sim).size(), 2u);  // no answer to the duplicate
}

TEST(Transition, F2dLinuxOrphanLeavesFinWait2AfterFinTimeoutSendingNothing) {
    Scenario s = established(Profile::Linux);
    s.actions = {action(Side::A, K::Close, 0)};
    auto sim = play(s);
    EXPECT_TRUE(hasReason(*sim, Reason::FinWait2TimeoutClosed));
    EXPECT_EQ(segments(*sim).size(), 2u);
}

TEST(Transition, F2dShutdownWriteIsNoOrphanSoFinWait2HasNoTimer) {
    Scenario s = established(Profile::Linux);
    s.actions = {action(Side::A, K::ShutdownWrite, 0)};
    auto sim = play(s);
    EXPECT_EQ(sim->state(Side::A), TcpState::FinWait2);
    EXPECT_EQ(sim->outcome(), Outcome::Stuck);
}

TEST(Transition, C1SendInCloseWaitCarriesAckOfTheFin) {
    auto sim = play(*builtinScenario("half-close"));
    for (const auto& x : segments(*sim)) {
        if (x.dir == "B>A" && x.len > 0) {
            EXPECT_EQ(x.ack, 2u);
        }
    }
}

TEST(Transition, C2CloseInCloseWaitEntersLastAckNotClosing) {
    auto sim = play(normalClose());
    EXPECT_EQ(entered(*sim, Side::B, TcpState::LastAck).size(), 1u);
    EXPECT_TRUE(entered(*sim, Side::B, TcpState::Closing).empty());
}

TEST(Transition, C4RetransmittedFinInCloseWaitIsAckedAgain) {
    auto sim = play(*builtinScenario("lost-fin-ack"));
    const auto segs = segments(*sim);
    EXPECT_EQ(segs[3], seg("B>A", "ACK", 1, 2));
    EXPECT_TRUE(hasReason(*sim, Reason::SendAckUnacceptable));
}

TEST(Transition, G1AckOfOurFinInClosingEntersTimeWait) {
    auto sim = play(*builtinScenario("simultaneous-close"));
    EXPECT_TRUE(hasReason(*sim, Reason::ClosingAckedEnterTimeWait));
}

TEST(Transition, G2G3LostAckInClosingMakesFinRetransmitAndPeerAcksIt) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 0)};
    s.faults = {dropNth(Direction::BtoA, 2)};  // B's ACK of A's FIN
    auto sim = play(s);
    const auto segs = segments(*sim);
    bool resent = false;
    for (const auto& x : segs)
        resent = resent || (x.dir == "A>B" && x.flags == "FIN,ACK" && x.retransmission);
    EXPECT_TRUE(resent);
    EXPECT_EQ(segs.back(), seg("B>A", "ACK", 2, 2));  // B, already in TIME_WAIT, ACKs it (T1)
    EXPECT_EQ(sim->outcome(), Outcome::Graceful);
}

TEST(Transition, L1AckOfOurFinInLastAckDeletesTheTcb) {
    auto sim = play(normalClose());
    EXPECT_TRUE(hasReason(*sim, Reason::LastAckAckedClosed));
}

TEST(Transition, L2L3LastAckRetransmitsItsFin) {
    auto sim = play(*builtinScenario("lost-last-ack"));
    EXPECT_EQ(segments(*sim)[4], seg("B>A", "FIN,ACK", 1, 2, 0, false, true));
}

TEST(Transition, T1RetransmittedFinInTimeWaitIsAckedAndRestarts2Msl) {
    auto sim = play(*builtinScenario("lost-last-ack"));
    EXPECT_TRUE(hasReason(*sim, Reason::TimeWaitRestarted));
}

TEST(Transition, T2LinuxRestartsTimeWaitOnAnOldDuplicateRfcDoesNot) {
    for (Profile p : {Profile::Rfc, Profile::Linux}) {
        Scenario s = normalClose(p);
        s.params.delayedAck = false;
        s.faults = {duplicateNth(Direction::BtoA, 1, 10 * kSec)};  // B's ACK again, 10 s later
        s.actions.push_back(action(Side::B, K::Abort, 0));
        s.actions.pop_back();
        auto sim = play(s);
        const bool restarted = hasReason(*sim, Reason::TimeWaitRestartedLinux);
        EXPECT_EQ(restarted, p == Profile::Linux) << profileName(p);
    }
}

TEST(Transition, T6TimeWaitExpiresAfterTwoMsl) {
    Scenario s = normalClose(Profile::Linux);
    auto sim = play(s);
    const auto tw = entered(*sim, Side::A, TcpState::TimeWait);
    const auto closed = entered(*sim, Side::A, TcpState::Closed);
    ASSERT_EQ(tw.size(), 1u);
    EXPECT_EQ(closed[0] - tw[0], 60 * kSec);  // TCP_TIMEWAIT_LEN
}

TEST(Transition, KarnNoRttSampleFromARetransmittedSegment) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Close, 0)};
    s.faults = {dropNth(Direction::AtoB, 1)};
    auto sim = play(s);
    // Had the ACK of the retransmission been sampled against the first send (1.1 s), the RTO would
    // have grown above 1 s; Karn keeps the backed-off value until a clean sample.
    EXPECT_EQ(sim->tcb(Side::A).state, TcpState::FinWait2);
    EXPECT_EQ(sim->tcb(Side::A).rto, 1 * kSec);
}

TEST(Transition, T5SynInTimeWaitIsAnsweredWithAnAckAndTimeWaitStays) {
    // B, CLOSED after LAST_ACK, opens again with the same ISS: an old sequence number for A.
    Scenario s = normalClose();
    s.actions.push_back(action(Side::B, K::Connect, 2 * kSec));
    auto sim = play(s);
    bool ackedSyn = false;
    for (const auto& r : sim->trace())
        ackedSyn = ackedSyn || (r.kind == EventKind::Send && r.side == Side::A && r.t == 2 * kSec + 50 * kMs &&
                                flagsText(r.seg.flags) == "ACK");
    EXPECT_TRUE(ackedSyn);
    EXPECT_EQ(entered(*sim, Side::A, TcpState::TimeWait).size(), 1u);
    EXPECT_EQ(entered(*sim, Side::A, TcpState::Closed).size(), 1u);  // TIME_WAIT ran its course
}
