// Send and receive windows. Segments in flight never exceed min(cwnd, SND.WND)
// (RFC 9293 §3.8.6; RFC 5681 §3.1), so a huge SEND costs memory in proportion to the window, and a
// FIN queued behind unsent data leaves on the last data segment once the window lets it.
#include "support/engine_run.h"

#include <gtest/gtest.h>

#include <algorithm>

using namespace finwave;
using namespace finwave::testing;
using K = AppAction::Kind;
using T = AppAction::Trigger;

namespace {
constexpr std::uint32_t kBuffer = 65535;  // each endpoint's receive buffer (no window scaling)

std::uint32_t inFlightBytes(const TcbView& v) {
    return v.sndNxt - v.sndUna;
}

std::vector<Micros> dataSendTimes(const Simulator& sim, Side side) {
    std::vector<Micros> out;
    for (const auto& r : sim.trace())
        if (r.kind == EventKind::Send && r.side == side && r.seg.len > 0)
            out.push_back(r.t);
    return out;
}
}  // namespace

TEST(Window, ABillionBytesAtMssOneKeepFlightAndEventQueueWithinTheWindow) {
    Scenario s = established();
    s.params.mss = 1;
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 1'000'000'000)};
    Simulator sim(s, SimulatorOptions{false, false});
    std::uint32_t lastUna = sim.tcb(Side::A).sndUna;
    for (int round = 0; round < 300; ++round) {
        for (int i = 0; i < 1000 && sim.step(); ++i) {
        }
        const TcbView a = sim.tcb(Side::A);
        ASSERT_LE(inFlightBytes(a), std::min(a.cwnd, a.sndWnd)) << "round " << round;
        ASSERT_LE(inFlightBytes(a), kBuffer);
        // Each byte in flight is one segment or its ACK; add the timers and pending calls.
        ASSERT_LE(sim.pendingEvents(), 2 * std::size_t{kBuffer} + 16) << "round " << round;
        ASSERT_LE(a.unsentBytes, 1'000'000'000u);
        lastUna = a.sndUna;
    }
    EXPECT_GT(lastUna - sim.iss(Side::A), 100'000u);  // and the transfer makes progress
    EXPECT_FALSE(sim.isFinished());
}

TEST(Window, AMegabyteAtMss1000CompletesAndItsFinRidesOnTheLastDataSegment) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 1'000'000), action(Side::A, K::Close, 0),
                 action(Side::B, K::Close, 10 * kMs, T::AfterEof)};
    Simulator sim(s);
    std::uint32_t maxFlight = 0;
    while (sim.step()) {
        const TcbView a = sim.tcb(Side::A);
        ASSERT_LE(inFlightBytes(a), std::max(std::min(a.cwnd, a.sndWnd), 1u) + 1);  // +1: the FIN
        maxFlight = std::max(maxFlight, inFlightBytes(a));
    }
    EXPECT_EQ(sim.outcome(), Outcome::Graceful);
    EXPECT_EQ(sim.tcb(Side::B).deliveredBytes, 1'000'000u);
    EXPECT_GT(maxFlight, 10'000u);  // slow start grew the window past IW
    const auto segs = segments(sim);
    std::vector<Seg> fromA;
    for (const auto& x : segs)
        if (x.dir == "A>B" && x.len > 0)
            fromA.push_back(x);
    ASSERT_EQ(fromA.size(), 1000u);
    EXPECT_EQ(fromA.back(), seg("A>B", "FIN,PSH,ACK", 999'001, 1, 1000));  // FP. 999001:1000001(1000)
    // B's ACK of everything, FIN included: 1 000 000 data bytes + FIN after ISS + 1.
    bool finalAck = false;
    for (const auto& x : segs)
        finalAck = finalAck || (x.dir == "B>A" && x.flags == "ACK" && x.ack == 1'000'002u);
    EXPECT_TRUE(finalAck);
}

TEST(Window, TheInitialWindowIsTenSegmentsAndSlowStartDoublesItEachRoundTrip) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 100'000)};
    Simulator sim(s);
    sim.runUntil(150 * kMs);
    const auto at = dataSendTimes(sim, Side::A);
    // IW = 10 segments (RFC 6928); each of the 10 ACKs back at 100 ms frees one and, in slow start,
    // grows cwnd by one SMSS (RFC 5681 (2)): 20 more.
    EXPECT_EQ(std::count(at.begin(), at.end(), 0), 10);
    EXPECT_EQ(std::count(at.begin(), at.end(), 100 * kMs), 20);
    EXPECT_EQ(sim.tcb(Side::A).cwnd, 20'000u);
}

TEST(Window, ARetransmissionTimeoutSetsCwndToOneSegmentAndSsthreshToHalfTheFlight) {
    Scenario s = established();
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 10'000)};
    Fault f;
    f.kind = Fault::Kind::DropNth;
    f.dir = Direction::AtoB;
    f.n = 1;
    s.faults = {f};
    Simulator sim(s);
    sim.runUntil(1 * kSec);  // the RTO (1 s, the rfc floor) fires at 1 s
    const TcbView a = sim.tcb(Side::A);
    EXPECT_EQ(a.cwnd, 1000u);      // RFC 5681 (5): the loss window, one segment
    EXPECT_EQ(a.ssthresh, 5000u);  // RFC 5681 (4): max(FlightSize / 2, 2 SMSS), flight 10 000
    sim.runToEnd();
    EXPECT_EQ(sim.tcb(Side::B).deliveredBytes, 10'000u);
}

TEST(Window, SendsAddingUpToMoreThanFourGigabytesAreCountedIn64Bits) {
    Scenario s = established();
    for (int i = 0; i < 5; ++i) s.actions.push_back(action(Side::A, K::Send, 0, T::AtTime, 1'000'000'000));
    Simulator sim(s, SimulatorOptions{false, false});
    for (int i = 0; i < 5; ++i) sim.step();  // the five SEND calls, before any segment leaves
    EXPECT_EQ(sim.tcb(Side::A).unsentBytes, 5'000'000'000ull);
    sim.step();  // the output event: the initial window leaves
    EXPECT_EQ(sim.tcb(Side::A).unsentBytes, 5'000'000'000ull - 10'000u);
}

TEST(Window, TheReceiveWindowShrinksWithUnreadDataAndTheSenderStopsAtIt) {
    Scenario s = established();
    s.b.autoRead = false;
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 200'000)};
    Simulator sim(s);
    sim.runToEnd();
    const TcbView a = sim.tcb(Side::A), b = sim.tcb(Side::B);
    EXPECT_EQ(b.unreadBytes, kBuffer);  // exactly the buffer, not a byte more
    EXPECT_EQ(b.rcvWnd, 0u);
    EXPECT_EQ(a.sndWnd, 0u);
    EXPECT_EQ(a.unsentBytes, 200'000u - kBuffer);
}

// Reading reopens a closed window, and the receiver says so at once (RFC 9293 §3.8.6.2.2; Linux
// tcp_cleanup_rbuf()); the sender then fills it again.
TEST(Window, ReadingAClosedWindowSendsAWindowUpdateAndTheSenderGoesOn) {
    Scenario s = established();
    s.b.autoRead = false;
    s.actions = {action(Side::A, K::Send, 0, T::AtTime, 200'000), action(Side::B, K::Read, 5 * kSec)};
    Simulator sim(s);
    sim.runToEnd();
    std::vector<std::pair<Micros, std::uint32_t>> updates;
    for (const auto& r : sim.trace())
        if (r.kind == EventKind::Send && r.reason == Reason::SendWindowUpdate)
            updates.emplace_back(r.t, r.seg.wnd);
    EXPECT_EQ(updates, (std::vector<std::pair<Micros, std::uint32_t>>{{5 * kSec, kBuffer}}));
    EXPECT_EQ(sim.tcb(Side::B).deliveredBytes, kBuffer);
    EXPECT_EQ(sim.tcb(Side::B).unreadBytes, kBuffer);  // the second window's worth, unread again
    EXPECT_EQ(sim.tcb(Side::A).unsentBytes, 200'000u - 2 * kBuffer);
}
