#include "core/lab/internal/connection_life.h"

#include "core/scenario/scenario_builder.h"
#include "core/sim/simulator.h"

#include <algorithm>
#include <cmath>

namespace finwave::lab {

// The client connects at 0; request i leaves once the handshake (one round trip) and i earlier
// exchanges (a round trip each) are done, and the server answers it as it arrives. Timed, not
// triggered: the engine arms a trigger once per action, and K exchanges need K sends each.
Scenario connectionScenarioFor(const LabConfig& config, std::uint64_t seed) {
    using K = AppAction::Kind;
    using T = AppAction::Trigger;
    Scenario s = makeScenario("lab-connection", "Server lab: one connection", {}, config.profile);
    const Micros d = std::max<Micros>(1, std::llround(config.delayMs * kMs));
    s.ab.delay = s.ba.delay = d;
    s.ab.loss = s.ba.loss = config.loss;
    s.seed = seed;
    s.a.initial = s.b.initial = TcpState::Closed;
    s.a.iss = 1000;
    s.b.iss = 5000;
    s.a.timestamps = s.b.timestamps = config.timestamps;
    s.a.lingerZero = config.closer == Closer::ClientAbort;
    s.b.lingerZero = config.closer == Closer::ServerAbort;
    s.actions.push_back(action(Side::B, K::Listen, 0));
    s.actions.push_back(action(Side::A, K::Connect, 0));
    const int k = std::max(1, config.requestsPerConnection);
    for (int i = 0; i < k; ++i) {
        s.actions.push_back(action(Side::A, K::Send, 2 * d + 2 * d * i, T::AtTime, config.requestBytes));
        s.actions.push_back(action(Side::B, K::Send, 3 * d + 2 * d * i + 1, T::AtTime, config.replyBytes));
    }
    const Micros lastReplyLeaves = 3 * d + 2 * d * (k - 1) + 2;
    const Micros lastReplyArrives = lastReplyLeaves + d;
    switch (config.closer) {
    case Closer::Client:
    case Closer::ClientAbort:  // (after an abort no FIN comes, and the server's close is never made)
        s.actions.push_back(action(Side::A, K::Close, lastReplyArrives + 1));
        s.actions.push_back(action(Side::B, K::Close, 0, T::AfterEof));
        break;
    case Closer::Server:  // the FIN follows the last reply at once
        s.actions.push_back(action(Side::B, K::Close, lastReplyLeaves + 1));
        s.actions.push_back(action(Side::A, K::Close, 0, T::AfterEof));
        break;
    case Closer::ServerAbort:  // once the reply is acknowledged: an ACK still on its way would meet
                               // the closed port and draw a second RST
        s.actions.push_back(action(Side::B, K::Close, lastReplyArrives + d + 1));
        break;
    case Closer::Both:  // the two FINs cross: simultaneous close, TIME_WAIT on both sides
        s.actions.push_back(action(Side::A, K::Close, lastReplyArrives + 1));
        s.actions.push_back(action(Side::B, K::Close, lastReplyArrives + 1));
        break;
    }
    return s;
}

ConnectionLife lifeOf(const Scenario& scenario) {
    SimulatorOptions options;
    options.keepHistory = false;
    Simulator sim(scenario, options);
    sim.runToEnd(100'000);
    ConnectionLife life;
    life.serverGone = -1;
    const Micros end = sim.now();
    bool clientClosedOnce = false;
    // The state each side entered last, and since when, to close its span at the next change.
    TcpState current[2] = {TcpState::Closed, TcpState::Closed};
    Micros since[2] = {0, 0};
    const auto span = [&](int side, Micros until) {
        const TcpState st = current[side];
        if (st != TcpState::Closed && st != TcpState::Listen && st != TcpState::TimeWait && until > since[side])
            (side == 0 ? life.clientSpans : life.serverSpans).push_back({st, since[side], until});
    };
    for (const TraceRecord& r : sim.trace()) {
        if (r.kind == EventKind::Send && r.seg.has(flag::Rst))
            ++life.resets;
        if (r.kind != EventKind::State)
            continue;
        const bool client = r.side == Side::A;
        const int side = client ? 0 : 1;
        span(side, r.t);
        current[side] = r.to;
        since[side] = r.t;
        if (client && r.to == TcpState::Established)
            life.established = true;
        if (r.to == TcpState::TimeWait)
            (client ? life.clientTimeWait : life.serverTimeWait) = r.t;
        if (!client && r.from == TcpState::Listen && life.serverOpen < 0)
            life.serverOpen = r.t;
        if (r.to == TcpState::Closed) {
            if (client) {
                life.clientGone = r.t;
                clientClosedOnce = true;
            } else if (life.serverOpen >= 0) {
                life.serverGone = r.t;
            }
        }
    }
    span(0, end);  // a state the run ended in (other than TIME_WAIT) lasts to its end
    span(1, end);
    // A socket the run left open (it ran out of events first) is gone at the run's end.
    if (!clientClosedOnce)
        life.clientGone = end;
    if (life.serverOpen >= 0 && life.serverGone < 0)
        life.serverGone = end;
    return life;
}

}  // namespace finwave::lab
