// Values derived from the profile and the scenario, computed once in core for every reader, and
// the one segment builder that output, retransmission and the TCB view share.
#include "support/engine_run.h"

#include <gtest/gtest.h>

using namespace finwave;
using namespace finwave::testing;
using K = AppAction::Kind;
using T = AppAction::Trigger;

TEST(Profile, MslIsHalfTheTimeWaitAndFollowsIt) {
    EXPECT_EQ(mslFor(paramsFor(Profile::Rfc)), 120 * kSec);   // RFC 9293 §3.4.2
    EXPECT_EQ(mslFor(paramsFor(Profile::Linux)), 30 * kSec);  // TCP_TIMEWAIT_LEN = 60 s
    const ProtocolParams p = withTimeWait(paramsFor(Profile::Rfc), 10 * kSec);
    EXPECT_EQ(p.timeWait, 10 * kSec);
    EXPECT_EQ(p.msl, 5 * kSec);
    EXPECT_EQ(withTimeWait(p, -1).timeWait, 0);
}

TEST(Profile, RaisingTheRtoFloorKeepsInitialAndMaximumRtoConsistent) {
    const ProtocolParams linux = paramsFor(Profile::Linux);
    ProtocolParams p = withRtoFloor(linux, 3 * kSec);
    EXPECT_EQ(p.rtoMin, 3 * kSec);
    EXPECT_EQ(p.rtoInitial, 3 * kSec);  // raised from 1 s
    EXPECT_EQ(p.rtoMax, 120 * kSec);
    p = withRtoFloor(linux, 200 * kSec);
    EXPECT_EQ(p.rtoMax, 200 * kSec);  // never below the floor
    p = withRtoFloor(linux, 100 * kMs);
    EXPECT_EQ(p.rtoInitial, 1 * kSec);  // a lower floor leaves the initial RTO alone
}

TEST(Profile, AnEndpointStartsEstablishedOrClosedAsItsSetupSays) {
    EndpointSetup e;
    EXPECT_EQ(initialState(e), TcpState::Established);
    e.initial = TcpState::Closed;
    EXPECT_EQ(initialState(e), TcpState::Closed);
    e.initial = TcpState::Listen;  // anything else starts CLOSED; LISTEN is an action
    EXPECT_EQ(initialState(e), TcpState::Closed);
    const Scenario s = *builtinScenario("full-lifecycle");
    Simulator sim(s);
    EXPECT_EQ(sim.state(Side::A), initialState(s.a));
}

TEST(SegmentBuilder, TheTcbViewListsExactlyTheSegmentsTheRetransmissionTimerResends) {
    Scenario s = established();
    s.params.mss = 1000;
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 1500), action(Side::A, K::Close, 0)};
    s.ab.loss = 1.0;
    Simulator sim(s);
    sim.runUntil(1);
    const TcbView before = sim.tcb(Side::A);
    ASSERT_EQ(before.retransmissionQueue.size(), 2u);
    EXPECT_EQ(flagsText(before.retransmissionQueue[0].flags), "PSH,ACK");
    EXPECT_EQ(before.retransmissionQueue[0].len, 1000u);
    EXPECT_EQ(flagsText(before.retransmissionQueue[1].flags), "FIN,PSH,ACK");
    EXPECT_EQ(before.retransmissionQueue[1].len, 500u);
    sim.runUntil(1 * kSec);  // the RTO resends the front of that queue
    const TraceRecord* resent = nullptr;
    for (const auto& r : sim.trace())
        if (r.kind == EventKind::Send && r.reason == Reason::Retransmit)
            resent = &r;
    ASSERT_NE(resent, nullptr);
    EXPECT_EQ(resent->seg.seq, before.retransmissionQueue[0].seq);
    EXPECT_EQ(resent->seg.len, before.retransmissionQueue[0].len);
    EXPECT_EQ(resent->seg.flags, before.retransmissionQueue[0].flags);
}
