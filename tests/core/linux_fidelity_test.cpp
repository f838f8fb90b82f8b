// Where Linux 6.x and RFC 9293 differ, each profile behaves like its source. Every test
// builds the situation, runs it and checks exact segments, states and timer times that follow
// from the rule cited (docs/protocol.md gives the rows).
#include "core/protocol/transitions.h"
#include "support/engine_run.h"

#include <gtest/gtest.h>

#include <memory>

using namespace finwave;
using namespace finwave::testing;
using K = AppAction::Kind;
using T = AppAction::Trigger;
using S = std::vector<std::string>;
using Segs = std::vector<Seg>;

namespace {
// Times at which `side` sent a segment with all of `flags`.
std::vector<Micros> sendTimes(const Simulator& sim, Side side, std::uint8_t flags) {
    std::vector<Micros> out;
    for (const auto& r : sim.trace())
        if (r.kind == EventKind::Send && r.side == side && (r.seg.flags & flags) == flags)
            out.push_back(r.t);
    return out;
}

// A three-way open: B listens, A connects at 0 (ISS 0 on both sides).
Scenario handshake(Profile p) {
    Scenario s = established(p);
    s.a.initial = s.b.initial = TcpState::Closed;
    s.actions = {action(Side::B, K::Listen, 0), action(Side::A, K::Connect, 0)};
    return s;
}
}  // namespace

// Item 2. Linux tcp_rcv_state_process() (FIN_WAIT1/FIN_WAIT2, "RFC 1122 says we MUST send a
// reset") resets an orphan that receives data; tcp_v4_send_reset() forms the RST from the
// segment: <SEQ=SEG.ACK><CTL=RST> (RFC 9293 §3.10.7.1), not the abort form R. with an ACK.
TEST(LinuxFidelity, DataForAnOrphanInFinWait2IsAnsweredWithARstBuiltFromTheSegment) {
    Scenario s = established(Profile::Linux);
    s.params.delayedAck = false;
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Send, 300 * kMs, T::AfterEof, 100)};
    auto sim = play(s);
    EXPECT_EQ(segments(*sim), (Segs{seg("A>B", "FIN,ACK", 1, 1), seg("B>A", "ACK", 1, 2),
                                    seg("B>A", "PSH,ACK", 1, 2, 100), seg("A>B", "RST", 2, 0)}));
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established),
              (S{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "CLOSED"}));
    // B in CLOSE_WAIT takes the RST (SEG.SEQ 2 = RCV.NXT) and closes.
    EXPECT_EQ(states(*sim, Side::B, TcpState::Established), (S{"ESTABLISHED", "CLOSE_WAIT", "CLOSED"}));
    EXPECT_EQ(entered(*sim, Side::B, TcpState::Closed), (std::vector<Micros>{450 * kMs}));
    EXPECT_EQ(sim->outcome(), Outcome::Reset);
}

TEST(LinuxFidelity, DataCrossingTheFinOfAnOrphanInFinWait1IsAnsweredWithRstSeqEqualsItsAck) {
    Scenario s = established(Profile::Linux);
    s.params.delayedAck = false;
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Send, 0, T::AtTime, 100)};
    auto sim = play(s);
    // B's data (ack 1) reaches A in FIN_WAIT_1: R 1:1(0). B has taken A's FIN by then (RCV.NXT 2);
    // Linux accepts RST seq = RCV.NXT - 1 after a FIN (tcp_reset_check()), so B closes too; B's ACK
    // of the FIN, already on its way, reaches A without a TCB and is answered <SEQ=SEG.ACK><CTL=RST>.
    EXPECT_EQ(segments(*sim), (Segs{seg("A>B", "FIN,ACK", 1, 1), seg("B>A", "PSH,ACK", 1, 1, 100),
                                    seg("B>A", "ACK", 101, 2), seg("A>B", "RST", 1, 0),
                                    seg("A>B", "RST", 2, 0)}));  // B's ACK of the FIN meets no TCB (X1)
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established), (S{"ESTABLISHED", "FIN_WAIT_1", "CLOSED"}));
    EXPECT_EQ(sim->state(Side::B), TcpState::Closed);
}

// Item 3. RFC 6298 (5.7): a retransmitted SYN makes the RTO 3 s once the handshake completes, so
// a lost FIN is resent 3 s and then 6 s later (RFC profile; the Linux probe is item 7).
TEST(LinuxFidelity, AfterARetransmittedSynTheRtoStartsAtThreeSecondsInTheRfcProfile) {
    Scenario s = handshake(Profile::Rfc);
    s.actions.push_back(action(Side::A, K::Close, 0, T::AfterEstablished));
    s.faults = {dropFirst(Side::A, flag::Syn, 1, true), dropFirst(Side::A, flag::Fin, 2)};
    auto sim = play(s);
    EXPECT_EQ(sendTimes(*sim, Side::A, flag::Syn), (std::vector<Micros>{0, 1 * kSec}));
    // SYN at 1 s, SYN,ACK back at 1.1 s: the FIN leaves at 1.1 s, then 3 s and 6 s later.
    EXPECT_EQ(sendTimes(*sim, Side::A, flag::Fin),
              (std::vector<Micros>{1100 * kMs, 4100 * kMs, 10100 * kMs}));
}

TEST(LinuxFidelity, AfterARetransmittedSynOrSynAckBothProfilesSetTheRtoToThreeSeconds) {
    for (Profile p : {Profile::Rfc, Profile::Linux}) {
        for (Side lost : {Side::A, Side::B}) {
            Scenario s = handshake(p);
            s.faults = {dropFirst(lost, flag::Syn)};  // A's SYN, or B's SYN,ACK
            Simulator sim(s);
            sim.runToEnd();
            ASSERT_EQ(sim.state(Side::A), TcpState::Established) << profileName(p);
            ASSERT_EQ(sim.state(Side::B), TcpState::Established) << profileName(p);
            EXPECT_EQ(sim.tcb(lost).rto, 3 * kSec) << profileName(p) << " " << sideName(lost);
        }
        // Without a retransmission the RTO comes from the handshake's RTT sample instead.
        Simulator clean(handshake(p));
        clean.runToEnd();
        EXPECT_LT(clean.tcb(Side::A).rto, 3 * kSec) << profileName(p);
    }
}

// Item 4. RFC 1337 §3 fix F1 ignores every RST in TIME-WAIT: an in-window RST that is not exact
// draws no challenge ACK (RFC 5961 §3 would), and TIME_WAIT runs its full 2MSL.
TEST(LinuxFidelity, WithRfc1337AnInWindowRstInTimeWaitDrawsNoChallengeAck) {
    Scenario s = established(Profile::Rfc);
    s.params.rfc1337 = true;
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 200 * kMs, T::AfterEof)};
    s.faults = {forgedRst(Direction::BtoA, 5 * kSec, 100)};
    auto sim = play(s);
    EXPECT_EQ(segments(*sim), (Segs{seg("A>B", "FIN,ACK", 1, 1), seg("B>A", "ACK", 1, 2),
                                    seg("B>A", "FIN,ACK", 1, 2), seg("A>B", "ACK", 2, 2)}));
    EXPECT_FALSE(hasReason(*sim, Reason::SendChallengeAck));
    EXPECT_TRUE(hasReason(*sim, Reason::IgnoredRstRfc1337));
    const auto tw = entered(*sim, Side::A, TcpState::TimeWait);
    ASSERT_EQ(tw.size(), 1u);
    EXPECT_EQ(tw[0], 300 * kMs);
    EXPECT_EQ(entered(*sim, Side::A, TcpState::Closed), (std::vector<Micros>{300 * kMs + 240 * kSec}));
}

// Item 1. Linux delayed-ACK modes: after a request and a response B is in pingpong mode
// (tcp_event_data_sent(): it replied within the ACK timeout), so the ACK of A's FIN waits
// TCP_DELACK_MIN = 40 ms (tcp_send_delayed_ack()); B's close 5 ms later sends FIN+ACK in one
// segment: a three-segment close. tcp_fin() would enter pingpong mode anyway.
namespace {
Scenario requestResponse(Micros closeB) {
    Scenario s = established(Profile::Linux);
    s.actions = {
        action(Side::A, K::Send, 0, T::AtTime, 100), action(Side::B, K::Send, 1 * kMs, T::AfterData, 100),
        action(Side::A, K::Close, 10 * kMs, T::AfterData), action(Side::B, K::Close, closeB, T::AfterEof)};
    return s;
}

// The DELACK timer starts of `side`: (start, deadline).
std::vector<std::pair<Micros, Micros>> delayedAckTimers(const Simulator& sim, Side side) {
    std::vector<std::pair<Micros, Micros>> out;
    for (const auto& r : sim.trace())
        if (r.kind == EventKind::TimerStart && r.side == side && r.timer == TimerKind::DelayedAck)
            out.emplace_back(r.t, r.deadline);
    return out;
}
}  // namespace

TEST(LinuxFidelity, AfterRequestAndResponseTheAckOfTheFinWaits40msAndRidesOnTheFin) {
    auto sim = play(requestResponse(5 * kMs));
    EXPECT_EQ(segments(*sim), (Segs{seg("A>B", "PSH,ACK", 1, 1, 100), seg("B>A", "ACK", 1, 101),
                                    seg("B>A", "PSH,ACK", 1, 101, 100), seg("A>B", "ACK", 101, 101),
                                    seg("A>B", "FIN,ACK", 101, 101), seg("B>A", "FIN,ACK", 101, 102),
                                    seg("A>B", "ACK", 102, 102)}));
    // A's FIN (sent at 111 ms) reaches B at 161 ms: DELACK armed for 201 ms, B's FIN at 166 ms.
    EXPECT_EQ(delayedAckTimers(*sim, Side::B),
              (std::vector<std::pair<Micros, Micros>>{{161 * kMs, 201 * kMs}}));
    EXPECT_EQ(sendTimes(*sim, Side::B, flag::Fin), (std::vector<Micros>{166 * kMs}));
    EXPECT_TRUE(hasReason(*sim, Reason::SendFinPiggybackAck));
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established),
              (S{"ESTABLISHED", "FIN_WAIT_1", "TIME_WAIT", "CLOSED"}));
}

TEST(LinuxFidelity, AfterRequestAndResponseALateCloseGivesFourSegmentsWithTheAck40msAfterTheFin) {
    auto sim = play(requestResponse(300 * kMs));
    const Segs segs = segments(*sim);
    ASSERT_EQ(segs.size(), 8u);
    EXPECT_EQ(segs[5], seg("B>A", "ACK", 101, 102));
    EXPECT_EQ(segs[6], seg("B>A", "FIN,ACK", 101, 102));
    std::vector<Micros> delayed;
    for (const auto& r : sim->trace())
        if (r.kind == EventKind::Send && r.reason == Reason::SendDelayedAck)
            delayed.push_back(r.t);
    EXPECT_EQ(delayed, (std::vector<Micros>{201 * kMs}));
    EXPECT_EQ(states(*sim, Side::A, TcpState::Established),
              (S{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED"}));
}

// Right after the handshake no data has been received, icsk_ack.ato is still 0, and the ACK of the
// FIN leaves at once although tcp_fin() entered pingpong mode: four segments.
TEST(LinuxFidelity, RightAfterTheHandshakeTheAckOfTheFinIsImmediate) {
    Scenario s = handshake(Profile::Linux);
    s.actions.push_back(action(Side::A, K::Close, 10 * kMs, T::AfterEstablished));
    s.actions.push_back(action(Side::B, K::Close, 5 * kMs, T::AfterEof));
    auto sim = play(s);
    EXPECT_EQ(segments(*sim),
              (Segs{seg("A>B", "SYN", 0, 0), seg("B>A", "SYN,ACK", 0, 1), seg("A>B", "ACK", 1, 1),
                    seg("A>B", "FIN,ACK", 1, 1), seg("B>A", "ACK", 1, 2), seg("B>A", "FIN,ACK", 1, 2),
                    seg("A>B", "ACK", 2, 2)}));
    // A's FIN leaves at 110 ms and reaches B at 160 ms; B's ACK goes out in that same instant.
    std::vector<Micros> acks;
    for (const auto& r : sim->trace())
        if (r.kind == EventKind::Send && r.side == Side::B && r.reason == Reason::SendAckOfFin)
            acks.push_back(r.t);
    EXPECT_EQ(acks, (std::vector<Micros>{160 * kMs}));
    EXPECT_TRUE(delayedAckTimers(*sim, Side::B).empty());
}

// tcp_incr_quickack(): the first data segment gives rcv_wnd / (2 * rcv_mss) quick ACKs, capped at
// TCP_MAX_QUICKACKS = 16. A 65535-byte window and a 20000-byte MSS give one: the second segment
// is ACKed 40 ms late; that delayed ACK went out alone, so tcp_delack_timer_handler() doubles the
// ACK timeout to 80 ms (under the 100 ms SRTT cap of tcp_send_delayed_ack()) and the third waits
// 80 ms. With MSS 1000 the budget is 16 and every ACK is immediate.
TEST(LinuxFidelity, QuickAckBudgetIsReceiveWindowOverTwoMssCappedAtSixteen) {
    for (std::uint32_t mss : {20000u, 1000u}) {
        Scenario s = established(Profile::Linux);
        s.params.mss = mss;
        s.actions = {action(Side::A, K::Send, 0, T::AtTime, 100),
                     action(Side::A, K::Send, 100 * kMs, T::AtTime, 100),
                     action(Side::A, K::Send, 200 * kMs, T::AtTime, 100)};
        auto sim = play(s);
        const std::vector<Micros> expected = mss == 1000
                                                 ? std::vector<Micros>{50 * kMs, 150 * kMs, 250 * kMs}
                                                 : std::vector<Micros>{50 * kMs, 190 * kMs, 330 * kMs};
        EXPECT_EQ(sendTimes(*sim, Side::B, flag::Ack), expected) << "mss " << mss;
    }
}

// Pingpong mode ends when a delayed ACK has to go out alone (tcp_delack_timer_handler()): B replied
// to A's first request (pingpong), so the second request is ACKed 40 ms late; that ACK carried no
// reply, B leaves pingpong, and with quick ACKs left the third request is ACKed at once.
TEST(LinuxFidelity, ADelayedAckThatGoesOutAloneEndsPingpongMode) {
    Scenario s = established(Profile::Linux);
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 100), action(Side::B, K::Send, 1 * kMs, T::AfterData, 100),
                 action(Side::A, K::Send, 200 * kMs, T::AtTime, 100),
                 action(Side::A, K::Send, 400 * kMs, T::AtTime, 100)};
    auto sim = play(s);
    std::vector<Micros> bareAcks;
    for (const auto& r : sim->trace())
        if (r.kind == EventKind::Send && r.side == Side::B && r.seg.len == 0)
            bareAcks.push_back(r.t);
    EXPECT_EQ(bareAcks, (std::vector<Micros>{50 * kMs, 290 * kMs, 450 * kMs}));
}

// The rfc profile has no quick-ack mode: with delayed ACK on, a lone segment waits the full delay.
TEST(LinuxFidelity, TheRfcProfileDelaysEveryFirstAckWhenDelayedAckIsOn) {
    Scenario s = established(Profile::Rfc);
    s.params.delayedAck = true;
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 100)};
    auto sim = play(s);
    EXPECT_EQ(sendTimes(*sim, Side::B, flag::Ack), (std::vector<Micros>{250 * kMs}));
}

// Item 7. Tail-loss probe (RFC 8985 §7; Linux tcp_schedule_loss_probe(), tcp_send_loss_probe()).
namespace {
struct Sent {
    Micros t;
    Reason why;
    bool operator==(const Sent&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Sent& s) {
    return os << s.t << "us " << reasonKey(s.why);
}

std::vector<Sent> finSends(const Simulator& sim, Side side) {
    std::vector<Sent> out;
    for (const auto& r : sim.trace())
        if (r.kind == EventKind::Send && r.side == side && r.seg.has(flag::Fin))
            out.push_back({r.t, r.reason});
    return out;
}

Scenario lostFins(Micros oneWay, std::uint32_t lost) {
    Scenario s = established(Profile::Linux);
    s.ab.delay = s.ba.delay = oneWay;
    s.actions = {action(Side::A, K::Close, 0)};
    s.faults = {dropFirst(Side::A, flag::Fin, lost)};
    return s;
}
}  // namespace

// RTT 2 ms (SRTT 2 ms, RTTVAR 1 ms): RTO = SRTT + max(4 RTTVAR, TCP_RTO_MIN) = 202 ms, PTO = 2 SRTT +
// TCP_RTO_MIN = 204 ms, clamped to the RTO: probe at 202 ms. The RTO re-armed from the probe is not
// backed off (202 ms later, not 404 ms); the next one is (404 ms).
TEST(LinuxFidelity, ALostFinIsFirstResentByAProbeAndTheRtoAfterItIsNotBackedOff) {
    auto sim = play(lostFins(1 * kMs, 3));
    EXPECT_EQ(finSends(*sim, Side::A), (std::vector<Sent>{{0, Reason::SendFin},
                                                          {202 * kMs, Reason::TailLossProbe},
                                                          {404 * kMs, Reason::Retransmit},
                                                          {808 * kMs, Reason::Retransmit}}));
    // The probe timer is its own kind, armed with the FIN.
    bool probeTimer = false;
    for (const auto& r : sim->trace())
        probeTimer =
            probeTimer || (r.kind == EventKind::TimerStart && r.timer == TimerKind::LossProbe && r.t == 0 &&
                           r.deadline == 202 * kMs && r.reason == Reason::TimerLossProbe);
    EXPECT_TRUE(probeTimer);
    EXPECT_EQ(sim->state(Side::A), TcpState::Closed);  // FIN_WAIT_2, then the orphan's FW2 timer
}

// RTT 300 ms (SRTT 300, RTTVAR 150): RTO = 300 + 600 = 900 ms, PTO = 600 + 200 = 800 ms comes first.
TEST(LinuxFidelity, TheProbeLeavesAtTwoSrttPlusRtoMinWhenThatIsBeforeTheRto) {
    auto sim = play(lostFins(150 * kMs, 3));
    EXPECT_EQ(finSends(*sim, Side::A), (std::vector<Sent>{{0, Reason::SendFin},
                                                          {800 * kMs, Reason::TailLossProbe},
                                                          {1700 * kMs, Reason::Retransmit},
                                                          {3500 * kMs, Reason::Retransmit}}));
    // The probe is a retransmission of the FIN: the transition table's F1f self-loop.
    int loops = 0;
    for (const auto& r : sim->trace()) {
        const Transition* t = transitionOf(r);
        loops += t != nullptr && t->id == "F1f";
    }
    EXPECT_EQ(loops, 3);
}

// Two segments in flight: PTO = 2 SRTT + TCP_TIMEOUT_MIN (2 ms) = 602 ms, and the probe resends
// the last segment (FIN with the data's tail), not the first; the RTO still counts from the head.
TEST(LinuxFidelity, WithTwoSegmentsInFlightTheProbeResendsTheTailAfterTwoSrttPlusTwoMs) {
    Scenario s = established(Profile::Linux);
    s.ab.delay = s.ba.delay = 150 * kMs;
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 1500), action(Side::A, K::Close, 0)};
    Fault first, second;
    first.kind = second.kind = Fault::Kind::DropNth;
    first.dir = second.dir = Direction::AtoB;
    first.n = 1;
    second.n = 2;
    s.faults = {first, second};
    auto sim = play(s);
    std::vector<std::pair<Micros, Seg>> sent;
    const Segs segs = segments(*sim);
    std::size_t i = 0;  // index of each send record in segments()
    for (const auto& r : sim->trace()) {
        if (r.kind != EventKind::Send)
            continue;
        if (r.side == Side::A && sent.size() < 4)
            sent.emplace_back(r.t, segs[i]);
        ++i;
    }
    ASSERT_EQ(sent.size(), 4u);
    EXPECT_EQ(sent[0], std::make_pair(Micros{0}, seg("A>B", "PSH,ACK", 1, 1, 1000, true)));
    EXPECT_EQ(sent[1], std::make_pair(Micros{0}, seg("A>B", "FIN,PSH,ACK", 1001, 1, 500, true)));
    EXPECT_EQ(sent[2], std::make_pair(602 * kMs, seg("A>B", "FIN,PSH,ACK", 1001, 1, 500, false, true)));
    EXPECT_EQ(sent[3], std::make_pair(900 * kMs, seg("A>B", "PSH,ACK", 1, 1, 1000, false, true)));
    EXPECT_EQ(sim->tcb(Side::B).deliveredBytes, 1500u);
}

// Items 3 and 7 together: after a lost SYN there is no RTT sample, so the probe waits
// TCP_TIMEOUT_INIT (1 s, under the 3 s RTO); the RTO re-armed from the probe is the 3 s fallback,
// and only the next one backs off to 6 s.
TEST(LinuxFidelity, AfterALostSynTheFinIsProbedAfterOneSecondThenResentAfterThreeAndSixSeconds) {
    Scenario s = handshake(Profile::Linux);
    s.actions.push_back(action(Side::A, K::Close, 0, T::AfterEstablished));
    s.faults = {dropFirst(Side::A, flag::Syn, 1, true), dropFirst(Side::A, flag::Fin, 3)};
    auto sim = play(s);
    EXPECT_EQ(finSends(*sim, Side::A), (std::vector<Sent>{{1100 * kMs, Reason::SendFin},
                                                          {2100 * kMs, Reason::TailLossProbe},
                                                          {5100 * kMs, Reason::Retransmit},
                                                          {11100 * kMs, Reason::Retransmit}}));
}

// The rfc profile has no probe: the FIN waits for the RTO (1 s) and then backs off (2 s).
TEST(LinuxFidelity, TheRfcProfileSendsNoTailLossProbe) {
    Scenario s = lostFins(1 * kMs, 2);
    applyProfile(s, Profile::Rfc);
    auto sim = play(s);
    EXPECT_EQ(finSends(*sim, Side::A),
              (std::vector<Sent>{
                  {0, Reason::SendFin}, {1 * kSec, Reason::Retransmit}, {3 * kSec, Reason::Retransmit}}));
}
