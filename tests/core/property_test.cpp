// Properties over 10 000 random runs (seed, loss 0-60 %, delay 0-500 ms, jitter), both profiles.
#include "core/engine/rng.h"
#include "support/engine_run.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <utility>

using namespace finwave;
using namespace finwave::testing;
using K = AppAction::Kind;

namespace {
// RFC 9293 Figure 5 edges, plus the documented extras: any synchronized state to CLOSED by RST,
// ABORT, give-up (§3.8.3) or user timeout (§3.10.8), FIN_WAIT_1 to TIME_WAIT (note 2) and
// Linux's FIN_WAIT_2 timeout.
bool allowedEdge(TcpState from, TcpState to) {
    using St = TcpState;
    static const std::set<std::pair<St, St>> edges = {
        {St::Closed, St::Listen},         {St::Closed, St::SynSent},        {St::Listen, St::SynReceived},
        {St::SynSent, St::SynReceived},   {St::SynSent, St::Established},   {St::SynReceived, St::Established},
        {St::SynReceived, St::FinWait1},  {St::Established, St::FinWait1},  {St::Established, St::CloseWait},
        {St::FinWait1, St::FinWait2},     {St::FinWait1, St::Closing},      {St::FinWait1, St::TimeWait},
        {St::FinWait2, St::TimeWait},     {St::CloseWait, St::LastAck},     {St::Closing, St::TimeWait},
        {St::LastAck, St::Closed},        {St::TimeWait, St::Closed},       {St::Listen, St::Closed},
        {St::SynSent, St::Closed},
    };
    if (to == St::Closed && from != St::Closed)
        return true;  // RST, ABORT, give-up, timeouts: each has its own reason code
    return edges.count({from, to}) > 0;
}

struct RandomRun {
    Scenario scenario;
    Micros closeB = 0;
    std::uint32_t bytes = 0;
};

RandomRun randomRun(Rng& rng, int i) {
    RandomRun s;
    s.scenario = established(i % 2 == 0 ? Profile::Rfc : Profile::Linux);
    s.scenario.seed = rng.next();
    s.scenario.params.userTimeout = 300 * kSec;
    const auto delay = [&] { return static_cast<Micros>(rng.uniformInt(500)) * kMs; };
    s.scenario.ab.delay = delay();
    s.scenario.ba.delay = delay();
    s.scenario.ab.jitter = s.scenario.ba.jitter = static_cast<Micros>(rng.uniformInt(100)) * kMs;
    s.scenario.ab.loss = rng.uniform() * 0.6;
    s.scenario.ba.loss = rng.uniform() * 0.6;
    s.bytes = static_cast<std::uint32_t>(rng.uniformInt(3000));
    s.closeB = static_cast<Micros>(rng.uniformInt(2000)) * kMs;
    s.scenario.actions = {action(Side::A, K::Send, 0, AppAction::Trigger::AtTime, s.bytes),
                          action(Side::A, K::Close, 0), action(Side::B, K::Close, s.closeB)};
    return s;
}
}  // namespace

TEST(Property, TenThousandRandomRunsEndClosedFollowTheDiagramAndKeepSequenceRules) {
    Rng rng(20261124);
    int graceful = 0;
    for (int i = 0; i < 10000; ++i) {
        const RandomRun setup = randomRun(rng, i);
        Simulator sim(setup.scenario, SimulatorOptions{true, false});
        sim.runToEnd(100000);
        ASSERT_TRUE(sim.isFinished()) << "run " << i;
        // Bound: every close call starts a user timer (RFC 9293 §3.10.8), which deletes the TCB
        // in any state; so both ends are CLOSED by the later close call plus the user timeout.
        const Micros bound = std::max<Micros>(0, setup.closeB) + setup.scenario.params.userTimeout;
        ASSERT_EQ(sim.state(Side::A), TcpState::Closed) << "run " << i;
        ASSERT_EQ(sim.state(Side::B), TcpState::Closed) << "run " << i;
        ASSERT_TRUE(sim.bothClosedAt().has_value());
        ASSERT_LE(*sim.bothClosedAt(), bound) << "run " << i;

        std::uint32_t sentEnd[2] = {sim.iss(Side::A) + 1, sim.iss(Side::B) + 1};
        std::set<std::uint32_t> finSeqs[2];
        for (const TraceRecord& r : sim.trace()) {
            if (r.kind == EventKind::State) {
                ASSERT_TRUE(allowedEdge(r.from, r.to))
                    << "run " << i << ": " << stateName(r.from) << " -> " << stateName(r.to);
            }
            if (r.kind != EventKind::Send)
                continue;
            const int me = r.seg.dir == Direction::AtoB ? 0 : 1;
            const Segment& s = r.seg;
            if (!s.has(flag::Rst)) {
                if (s.has(flag::Ack)) {  // no ACK acknowledges bytes the peer never sent
                    ASSERT_LE(static_cast<std::int32_t>(s.ack - sentEnd[1 - me]), 0) << "run " << i;
                }
                if (s.has(flag::Fin))
                    finSeqs[me].insert(s.seq + s.len);
                const std::uint32_t end = s.seq + s.seqSpace();
                if (static_cast<std::int32_t>(end - sentEnd[me]) > 0)
                    sentEnd[me] = end;
            }
        }
        // A FIN's sequence number is consumed once: every copy of it sits at the same place.
        ASSERT_LE(finSeqs[0].size(), 1u) << "run " << i;
        ASSERT_LE(finSeqs[1].size(), 1u) << "run " << i;
        if (sim.outcome() == Outcome::Graceful) {
            ++graceful;
            // Data sent before a graceful close arrives in order exactly once.
            ASSERT_EQ(sim.tcb(Side::B).deliveredBytes, setup.bytes) << "run " << i;
        }
    }
    EXPECT_GT(graceful, 1000);  // the properties were exercised on many complete closes
}

TEST(Property, EveryBuiltinScenarioEndsAtFullLossByGivingUpOrReset) {
    for (auto name : builtinScenarioNames()) {
        Scenario s = *builtinScenario(name);
        s.ab.loss = s.ba.loss = 1.0;
        Simulator sim(s, SimulatorOptions{true, false});
        const auto steps = sim.runToEnd(100000);
        EXPECT_TRUE(sim.isFinished()) << name;
        EXPECT_LT(steps, 1000u) << name;
        const Outcome o = sim.outcome();
        EXPECT_TRUE(o == Outcome::GaveUp || o == Outcome::Reset || o == Outcome::Stuck) << name << " "
                                                                                        << outcomeName(o);
        // Nobody is left with unacknowledged data and a running retransmission timer.
        for (Side side : {Side::A, Side::B}) {
            EXPECT_TRUE(sim.tcb(side).timers.empty()) << name;
        }
    }
}
