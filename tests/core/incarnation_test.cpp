// A SYN in TIME_WAIT and a second incarnation of the same connection
// (RFC 9293 §3.4.2, §3.6.1 MAY-2, §3.10.7.4 Fourth; RFC 6191; RFC 1337 §2.1; Linux
// tcp_timewait_state_process()). Most checks use absolute sequence numbers, which show the new
// ISN itself; relative numbers count from the ISS each segment was sent under.
#include "core/scenario/scenario_io.h"
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
// Every segment sent, with absolute seq and ack (ack 0 when the ACK bit is off).
Segs absoluteSegments(const Simulator& sim) {
    Segs out = segments(sim);
    std::size_t i = 0;
    for (const TraceRecord& r : sim.trace()) {
        if (r.kind != EventKind::Send)
            continue;
        out[i].seq = r.seg.seq;
        out[i].ack = r.seg.has(flag::Ack) ? r.seg.ack : 0;
        ++i;
    }
    return out;
}

std::vector<Micros> notes(const Simulator& sim, Side side, Reason why) {
    std::vector<Micros> out;
    for (const auto& r : sim.trace())
        if (r.side == side && r.reason == why && r.kind == EventKind::Note)
            out.push_back(r.t);
    return out;
}

// B (a server that listens again) closes first and waits in TIME_WAIT from 110 ms; A, CLOSED at
// 160 ms, connects again at 1 s with `iss` (absolute; A's old SND.NXT is 2, B's RCV.NXT 2).
Scenario reconnect(Profile p, std::optional<std::uint32_t> iss) {
    Scenario s = established(p);
    s.b.listenAgain = true;
    s.actions = {action(Side::B, K::Close, 0), action(Side::A, K::Close, 10 * kMs, T::AfterEof),
                 action(Side::A, K::Connect, 1 * kSec)};
    s.actions.back().iss = iss;
    return s;
}
const Segs kOldClose = {seg("B>A", "FIN,ACK", 1, 1), seg("A>B", "ACK", 1, 2), seg("A>B", "FIN,ACK", 1, 2),
                        seg("B>A", "ACK", 2, 2)};
Segs withOldClose(const Segs& tail) {
    Segs all = kOldClose;
    all.insert(all.end(), tail.begin(), tail.end());
    return all;
}
}  // namespace

// Linux: SEG.SEQ 1000 > RCV.NXT 2, so TIME_WAIT ends and the listener answers with SYN,ACK whose
// ISN is the old SND.NXT + 65537 = 65539.
TEST(Incarnation, LinuxSynAboveRcvNxtInTimeWaitStartsANewIncarnationWithIsnOldSndNxtPlus65537) {
    auto sim = play(reconnect(Profile::Linux, 1000));
    EXPECT_EQ(absoluteSegments(*sim),
              withOldClose({seg("A>B", "SYN", 1000, 0), seg("B>A", "SYN,ACK", 65539, 1001),
                            seg("A>B", "ACK", 1001, 65540)}));
    EXPECT_EQ(states(*sim, Side::B, TcpState::Established),
              (S{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "SYN_RECEIVED", "ESTABLISHED"}));
    EXPECT_EQ(sim->iss(Side::B), 65539u);
    // Relative numbers count from the ISS each segment was sent under, as Wireshark numbers a new
    // stream: the old close keeps 1 and 2, the new incarnation starts at 0 again.
    EXPECT_EQ(segments(*sim),
              withOldClose({seg("A>B", "SYN", 0, 0), seg("B>A", "SYN,ACK", 0, 1), seg("A>B", "ACK", 1, 1)}));
    // The trace marks the second incarnation on both sides, at the SYN and at its arrival.
    EXPECT_EQ(notes(*sim, Side::A, Reason::NewIncarnation), (std::vector<Micros>{1 * kSec}));
    EXPECT_EQ(notes(*sim, Side::B, Reason::NewIncarnation), (std::vector<Micros>{1050 * kMs}));
    const Transition* t =
        findTransition(TcpState::TimeWait, TcpState::SynReceived, Reason::TimeWaitNewIncarnation);
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->id, "T5");
    EXPECT_EQ(sim->unlistedTransitions(), 0);
}

// Linux without timestamps: an old SYN (SEG.SEQ 0, not above RCV.NXT 2) gets an ACK and TIME_WAIT
// goes on; with tcp_rfc1337 = 1 the client's RST to that ACK is ignored, so TIME_WAIT lasts its 60 s.
TEST(Incarnation, LinuxOldSynInTimeWaitGetsAnAckAndTimeWaitGoesOn) {
    Scenario s = reconnect(Profile::Linux, std::nullopt);
    s.params.rfc1337 = true;
    s.a.timestamps = s.b.timestamps = false;
    auto sim = play(s);
    const Segs segs = absoluteSegments(*sim);
    ASSERT_GE(segs.size(), 7u);
    EXPECT_EQ(segs[4], seg("A>B", "SYN", 0, 0));
    EXPECT_EQ(segs[5], seg("B>A", "ACK", 2, 2));  // <SEQ=SND.NXT><ACK=RCV.NXT>
    EXPECT_EQ(segs[6],
              seg("A>B", "RST", 2, 0));  // SYN-SENT: an unacceptable ACK draws <SEQ=SEG.ACK><CTL=RST>
    EXPECT_EQ(entered(*sim, Side::B, TcpState::Closed), (std::vector<Micros>{110 * kMs + 60 * kSec}));
    EXPECT_FALSE(entered(*sim, Side::B, TcpState::SynReceived).empty());  // the SYN resent after TIME_WAIT
    EXPECT_EQ(notes(*sim, Side::B, Reason::NewIncarnation).size(), 1u);
    for (const auto& r : sim->trace()) EXPECT_NE(r.reason, Reason::TimeWaitNewIncarnation);
}

// Linux with timestamps (both ends offer them, as Linux does): the same old SYN, SEG.SEQ 0 not above
// RCV.NXT 2, carries a TSval newer than the last one TIME_WAIT saw, so it opens the new incarnation
// (RFC 6191; tcp_timewait_state_process()), with ISN old SND.NXT + 65537, at once.
TEST(Incarnation, LinuxOldSynWithANewerTimestampInTimeWaitStartsANewIncarnation) {
    Scenario s = reconnect(Profile::Linux, std::nullopt);
    s.params.rfc1337 = true;
    auto sim = play(s);
    EXPECT_EQ(absoluteSegments(*sim),
              withOldClose({seg("A>B", "SYN", 0, 0), seg("B>A", "SYN,ACK", 65539, 1), seg("A>B", "ACK", 1, 65540)}));
    EXPECT_EQ(notes(*sim, Side::B, Reason::NewIncarnation), (std::vector<Micros>{1050 * kMs}));
    bool newIncarnation = false;
    for (const auto& r : sim->trace())
        newIncarnation = newIncarnation || r.reason == Reason::TimeWaitNewIncarnation;
    EXPECT_TRUE(newIncarnation);
    // The SYN's TSval is A's clock at 1 s, newer than the one B's TIME_WAIT echoes.
    for (const auto& r : sim->trace())
        if (r.kind == EventKind::Send && r.seg.has(flag::Syn) && !r.seg.has(flag::Ack)) {
            EXPECT_TRUE(r.seg.carries(option::Timestamps));
            EXPECT_EQ(r.opts.tsEcr, 0u);
        }
}

// RFC profile (docs/protocol.md T5): no new incarnation from TIME_WAIT; the SYN draws a challenge
// ACK (RFC 5961 §4), the client's RST <SEQ=SEG.ACK> is exact and ends TIME_WAIT (T3), the listener
// listens again and the client's SYN, resent after its 1 s RTO, opens the new connection.
TEST(Incarnation, RfcSynInTimeWaitDrawsAChallengeAckAndTheClientsRstLetsTheRetriedSynIn) {
    auto sim = play(reconnect(Profile::Rfc, 1000));
    EXPECT_EQ(absoluteSegments(*sim),
              withOldClose({seg("A>B", "SYN", 1000, 0), seg("B>A", "ACK", 2, 2), seg("A>B", "RST", 2, 0),
                            seg("A>B", "SYN", 1000, 0, 0, false, true), seg("B>A", "SYN,ACK", 0, 1001),
                            seg("A>B", "ACK", 1001, 1)}));
    EXPECT_EQ(states(*sim, Side::B, TcpState::Established),
              (S{"ESTABLISHED", "FIN_WAIT_1", "FIN_WAIT_2", "TIME_WAIT", "CLOSED", "LISTEN", "SYN_RECEIVED",
                 "ESTABLISHED"}));
    EXPECT_EQ(entered(*sim, Side::B, TcpState::Closed),
              (std::vector<Micros>{1150 * kMs}));  // the RST's arrival
    EXPECT_EQ(sim->unlistedTransitions(), 0);
}

// Item 6: the built-in old-duplicate scenario, one file, one switch (time_wait_ms).
TEST(Incarnation, OldDuplicateDiesInTimeWaitWhenTimeWaitIsIntact) {
    auto sim = play(*builtinScenario("old-duplicate"));
    EXPECT_EQ(segments(*sim), (Segs{seg("B>A", "PSH,ACK", 1, 1, 100), seg("A>B", "ACK", 1, 101),
                                    seg("A>B", "FIN,ACK", 1, 101), seg("B>A", "ACK", 101, 2),
                                    seg("B>A", "FIN,ACK", 101, 2), seg("A>B", "ACK", 2, 102),
                                    seg("A>B", "ACK", 2, 102),     // the copy, at 720 ms, ACKed in TIME_WAIT
                                    seg("B>A", "RST", 102, 0)}));  // the listener's answer, ignored (F1)
    bool refused = false;
    for (const auto& r : sim->trace())
        refused = refused ||
                  (r.kind == EventKind::App && r.reason == Reason::AppConnectRefused && r.t == 500 * kMs);
    EXPECT_TRUE(refused);  // A's address and port are still in TIME_WAIT
    EXPECT_TRUE(notes(*sim, Side::A, Reason::StaleDataAccepted).empty());
    EXPECT_EQ(notes(*sim, Side::A, Reason::IgnoredRstRfc1337), (std::vector<Micros>{820 * kMs}));
    EXPECT_EQ(entered(*sim, Side::A, TcpState::Closed), (std::vector<Micros>{210 * kMs + 240 * kSec}));
    EXPECT_EQ(sim->outcome(), Outcome::Graceful);
    EXPECT_EQ(sim->bothClosedAt(), std::optional<Micros>{210 * kMs + 240 * kSec});
}

TEST(Incarnation, OldDuplicateIsAcceptedAsNewDataWhenTimeWaitIsShortenedToNothing) {
    Scenario s = *builtinScenario("old-duplicate");
    s.params = withTimeWait(s.params, 0);
    auto sim = play(s);
    EXPECT_EQ(
        segments(*sim),
        (Segs{seg("B>A", "PSH,ACK", 1, 1, 100), seg("A>B", "ACK", 1, 101), seg("A>B", "FIN,ACK", 1, 101),
              seg("B>A", "ACK", 101, 2), seg("B>A", "FIN,ACK", 101, 2), seg("A>B", "ACK", 2, 102),
              seg("A>B", "SYN", 0, 0), seg("B>A", "SYN,ACK", 0, 1), seg("A>B", "ACK", 1, 1),
              seg("B>A", "PSH,ACK", 1, 1, 100),  // B's real greeting of the new connection
              seg("A>B", "ACK", 1, 101),         // A ACKs the stale copy (720 ms) as new data
              seg("A>B", "ACK", 1, 101),         // and discards the real bytes (750 ms) as a duplicate
              seg("B>A", "FIN,ACK", 101, 1), seg("A>B", "ACK", 1, 102), seg("A>B", "FIN,ACK", 1, 102),
              seg("B>A", "ACK", 102, 2)}));
    std::vector<std::pair<Micros, std::uint32_t>> stale;
    for (const auto& r : sim->trace())
        if (r.reason == Reason::StaleDataAccepted)
            stale.emplace_back(r.t, r.bytes);
    EXPECT_EQ(stale, (std::vector<std::pair<Micros, std::uint32_t>>{{720 * kMs, 100u}}));
    EXPECT_EQ(notes(*sim, Side::A, Reason::NewIncarnation), (std::vector<Micros>{500 * kMs}));
    EXPECT_EQ(sim->outcome(), Outcome::Graceful);
    EXPECT_EQ(sim->bothClosedAt(), std::optional<Micros>{1700 * kMs});  // B is listening again by then
    EXPECT_EQ(sim->unlistedTransitions(), 0);
}

TEST(Incarnation, ConnectIssAndListenAgainRoundTripThroughScenarioFiles) {
    Scenario s = reconnect(Profile::Linux, 1000);
    const std::string text = writeScenario(s);
    const ScenarioResult r = parseScenario(text, "reconnect.json");
    ASSERT_TRUE(r) << r.error.oneLine();
    EXPECT_TRUE(r.scenario->b.listenAgain);
    EXPECT_FALSE(r.scenario->a.listenAgain);
    ASSERT_TRUE(r.scenario->actions.back().iss.has_value());
    EXPECT_EQ(*r.scenario->actions.back().iss, 1000u);
    EXPECT_FALSE(r.scenario->actions.front().iss.has_value());
    const ScenarioResult bad = parseScenario(
        R"({"version": 1, "actions": [{"side": "A", "do": "connect", "iss": -1}]})", "bad.json");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.error.field, "actions[0].iss");
}
