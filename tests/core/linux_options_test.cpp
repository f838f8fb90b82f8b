// TCP options and the Linux profile: the tail-loss probe only while SACK is in use
// (tcp_schedule_loss_probe() returns early unless tcp_is_sack()), the RTO alone otherwise; a D-SACK
// block for a duplicate (RFC 2883); timestamps on every segment and PAWS (RFC 7323). Times are the
// engine's exact ones; each is checked against Linux 6.18's own (packetdrill, rules.md §5 item 14)
// within 8 %, the spread Linux's timer wheel adds (a 300 ms timer fires up to 32 ms late at HZ=250).
#include "core/protocol/transitions.h"
#include "support/engine_run.h"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>

using namespace finwave;
using namespace finwave::testing;
using K = AppAction::Kind;
using T = AppAction::Trigger;

namespace {
struct Sent {
    Micros t;
    Reason why;
    bool operator==(const Sent&) const = default;
};
std::ostream& operator<<(std::ostream& os, const Sent& s) { return os << s.t << "us " << reasonKey(s.why); }

std::vector<Sent> finSends(const Simulator& sim, Side side) {
    std::vector<Sent> out;
    for (const auto& r : sim.trace())
        if (r.kind == EventKind::Send && r.side == side && r.seg.has(flag::Fin))
            out.push_back({r.t, r.reason});
    return out;
}

// A in the linux profile closes at 0 and its FIN is lost `lost` times; `sack` whether A's peer
// offered SACK-permitted in its SYN (packetdrill's peer without SACK: <mss 1000,nop,wscale 7>).
Scenario lostFins(Micros oneWay, std::uint32_t lost, bool sack) {
    Scenario s = established(Profile::Linux);
    s.ab.delay = s.ba.delay = oneWay;
    s.b.sackPermitted = sack;
    s.actions = {action(Side::A, K::Close, 0)};
    s.faults = {dropFirst(Side::A, flag::Fin, lost)};
    return s;
}

// Within 8 % of Linux's measured time (seconds after the first FIN).
void expectNearLinux(Micros engine, double linuxSeconds) {
    EXPECT_LE(std::abs(static_cast<double>(engine) / 1e6 - linuxSeconds), 0.08 * linuxSeconds)
        << static_cast<double>(engine) / 1e6 << " s against Linux's " << linuxSeconds << " s";
}
}  // namespace

// Without SACK, at RTT 100 ms: RTO = SRTT + max(4 RTTVAR, TCP_RTO_MIN) = 300 ms, doubled each time;
// Linux 6.18 resends at +0.319, +0.959, +2.207, +4.831, +9.951 s, with no probe.
TEST(LinuxOptions, WithoutSackALostFinIsResentAtTheRtoDoubledWithNoProbe) {
    auto sim = play(lostFins(50 * kMs, 5, false));
    const std::vector<Sent> fins = finSends(*sim, Side::A);
    ASSERT_GE(fins.size(), 6u);
    EXPECT_EQ(fins[0], (Sent{0, Reason::SendFin}));
    const Micros expected[] = {300 * kMs, 900 * kMs, 2100 * kMs, 4500 * kMs, 9300 * kMs};
    const double linux[] = {0.319, 0.959, 2.207, 4.831, 9.951};
    for (std::size_t k = 0; k < 5; ++k) {
        EXPECT_EQ(fins[k + 1], (Sent{expected[k], Reason::Retransmit})) << "retransmission " << k + 1;
        expectNearLinux(fins[k + 1].t, linux[k]);
    }
    for (const auto& r : sim->trace())
        EXPECT_NE(r.timer, TimerKind::LossProbe) << "no probe timer without SACK";
}

// With SACK in use (both ends offered it, as two Linux hosts do), the same loss is probed first:
// PTO = 2 SRTT + TCP_RTO_MIN = 400 ms, capped by the RTO (300 ms); the RTO re-armed from the probe
// is not backed off. At RTT 2 ms the probe leaves about 200 ms after the FIN, as captures of two
// Linux hosts on a LAN show.
TEST(LinuxOptions, WithSackALostFinIsFirstProbed) {
    auto sim = play(lostFins(50 * kMs, 3, true));
    EXPECT_EQ(finSends(*sim, Side::A), (std::vector<Sent>{{0, Reason::SendFin},
                                                          {300 * kMs, Reason::TailLossProbe},
                                                          {600 * kMs, Reason::Retransmit},
                                                          {1200 * kMs, Reason::Retransmit}}));
    auto lan = play(lostFins(1 * kMs, 1, true));
    const auto fins = finSends(*lan, Side::A);
    ASSERT_GE(fins.size(), 2u);
    EXPECT_EQ(fins[1], (Sent{202 * kMs, Reason::TailLossProbe}));
}

// RTT 2 ms without SACK: RTO 202 ms, intervals 0.202, 0.404, 0.808 s (Linux's own).
TEST(LinuxOptions, WithoutSackAtRtt2msTheIntervalsAre202And404And808ms) {
    auto sim = play(lostFins(1 * kMs, 3, false));
    EXPECT_EQ(finSends(*sim, Side::A), (std::vector<Sent>{{0, Reason::SendFin},
                                                          {202 * kMs, Reason::Retransmit},
                                                          {606 * kMs, Reason::Retransmit},
                                                          {1414 * kMs, Reason::Retransmit}}));
}

// An orphan with tcp_orphan_retries = 2 and no SACK: the FIN and exactly two retransmissions, then
// it dies silently at the next expiry (tcp_orphan_retries(), tcp_write_err()).
TEST(LinuxOptions, AnOrphanWithTwoOrphanRetriesSendsTheFinAndTwoRetransmissionsThenDiesSilently) {
    Scenario s = lostFins(50 * kMs, 100, false);
    s.params.orphanRetries = 2;
    auto sim = play(s);
    EXPECT_EQ(finSends(*sim, Side::A), (std::vector<Sent>{{0, Reason::SendFin},
                                                          {300 * kMs, Reason::Retransmit},
                                                          {900 * kMs, Reason::Retransmit}}));
    EXPECT_EQ(sim->state(Side::A), TcpState::Closed);
    for (const auto& r : sim->trace()) {
        if (r.kind == EventKind::State && r.side == Side::A && r.to == TcpState::Closed) {
            EXPECT_EQ(r.reason, Reason::RetriesExhaustedClosed);
            EXPECT_EQ(r.t, 2100 * kMs);
        }
    }
    for (const auto& r : sim->trace()) {
        if (r.kind == EventKind::Send && r.side == Side::A) {
            EXPECT_FALSE(r.seg.has(flag::Rst)) << "silently: no RST";
        }
    }
}

// B's FIN from LAST_ACK, never acknowledged, without SACK: +0.300, +0.900, +2.100 s (Linux +0.318,
// +0.958, +2.206 s).
TEST(LinuxOptions, WithoutSackLastAcksFinIsResentAtTheRtoDoubled) {
    Scenario s = established(Profile::Linux);
    s.a.sackPermitted = false;
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 200 * kMs, T::AfterEof)};
    s.faults = {dropFirst(Side::B, flag::Fin, 3)};
    auto sim = play(s);
    const auto fins = finSends(*sim, Side::B);
    ASSERT_GE(fins.size(), 4u);
    const double linux[] = {0.318, 0.958, 2.206};
    const Micros expected[] = {300 * kMs, 900 * kMs, 2100 * kMs};
    for (std::size_t k = 0; k < 3; ++k) {
        EXPECT_EQ(fins[k + 1].why, Reason::Retransmit);
        EXPECT_EQ(fins[k + 1].t - fins[0].t, expected[k]);
        expectNearLinux(fins[k + 1].t - fins[0].t, linux[k]);
    }
}

// With SACK in use, B in CLOSE_WAIT answers A's resent FIN with a D-SACK block for it (RFC 2883 §4;
// seen on Linux 6.18: `SACK 101-102` with ack 102 in tests/data/kernel/lost-fin-ack-at-B.pcapng);
// TIME_WAIT's answer to a resent FIN carries none. Every segment carries timestamps.
TEST(LinuxOptions, AResentFinReachingCloseWaitIsAnsweredWithADsackBlock) {
    Scenario s = established(Profile::Linux);
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 2 * kSec, T::AfterEof)};
    s.faults = {dropNth(Direction::BtoA, 1)};  // B's ACK of A's FIN
    auto sim = play(s);
    int dsacks = 0;
    for (const auto& r : sim->trace()) {
        if (r.kind != EventKind::Send)
            continue;
        EXPECT_TRUE(r.seg.carries(option::Timestamps)) << "step " << r.step;
        if (r.seg.carries(option::Sack)) {
            ++dsacks;
            EXPECT_EQ(r.side, Side::B);
            EXPECT_EQ(r.stateB, TcpState::CloseWait);
            EXPECT_EQ(r.opts.sackRight - r.opts.sackLeft, 1u) << "the FIN's one sequence number";
            EXPECT_EQ(r.opts.sackRight, r.seg.ack) << "below the ACK: a duplicate";
        }
    }
    EXPECT_EQ(dsacks, 1);
}

// Without SACK the same ACK carries no block.
TEST(LinuxOptions, WithoutSackNoDsackBlockIsSent) {
    Scenario s = established(Profile::Linux);
    s.a.sackPermitted = false;
    s.actions = {action(Side::A, K::Close, 0), action(Side::B, K::Close, 2 * kSec, T::AfterEof)};
    s.faults = {dropNth(Direction::BtoA, 1)};
    auto sim = play(s);
    for (const auto& r : sim->trace())
        EXPECT_FALSE(r.seg.carries(option::Sack));
}
