// Which part of RFC 9293 Figure 5 the state graph draws: core says a run that never opens can
// reach only ESTABLISHED, the closing states and CLOSED, and every such run bears it out.
#include "core/scenario/builtin_scenarios.h"
#include "core/teaching/figure_part.h"
#include "core/sim/simulator.h"
#include "core/protocol/transitions.h"

#include <gtest/gtest.h>

#include <algorithm>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

using namespace finwave;

namespace {
// Runs every built-in in both profiles, clean (seed 0) and at 30 % loss (seeds 1..seeds-1), to
// the end, and hands each finished run to `check`.
template <typename F>
void forEveryRun(int seeds, F check) {
    for (auto name : builtinScenarioNames())
        for (Profile profile : {Profile::Rfc, Profile::Linux})
            for (int seed = 0; seed < seeds; ++seed) {
                Scenario s = *builtinScenario(name);
                s.params = withProfile(s.params, profile);
                s.seed = static_cast<std::uint64_t>(seed + 1);
                if (seed > 0)
                    s.ab.loss = s.ba.loss = 0.3;
                Simulator sim(s);
                sim.runToEnd();
                check(std::string(name) + " seed " + std::to_string(seed), s, sim);
            }
}
}  // namespace

TEST(FigurePart, OnlyARunThatOpensNeedsTheWholeFigure) {
    for (auto name : builtinScenarioNames()) {
        const Scenario s = *builtinScenario(name);
        // full-lifecycle opens first; old-duplicate's server listens again, so a SYN may open anew.
        const bool opens = name == std::string_view("full-lifecycle") || name == std::string_view("old-duplicate");
        EXPECT_EQ(figurePartFor(s), opens ? FigurePart::Whole : FigurePart::Closing) << name;
    }
    Scenario s = *builtinScenario("normal-close");
    ASSERT_EQ(figurePartFor(s), FigurePart::Closing);
    Scenario listens = s;
    listens.b.listenAgain = true;  // a server that listens again may pass SYN_RECEIVED (T5)
    EXPECT_EQ(figurePartFor(listens), FigurePart::Whole);
    Scenario connects = s;
    AppAction open;
    open.side = Side::A;
    open.kind = AppAction::Kind::Connect;
    connects.actions.push_back(open);
    EXPECT_EQ(figurePartFor(connects), FigurePart::Whole);
    Scenario startsClosed = s;
    startsClosed.a.initial = TcpState::Closed;
    EXPECT_EQ(figurePartFor(startsClosed), FigurePart::Whole);
    EXPECT_FALSE(inFigurePart(FigurePart::Closing, TcpState::SynReceived));
    EXPECT_TRUE(inFigurePart(FigurePart::Closing, TcpState::Closing));
    EXPECT_TRUE(inFigurePart(FigurePart::Whole, TcpState::Listen));
    EXPECT_TRUE(inFigurePart(FigurePart::ClosingWithListen, TcpState::Listen));
    EXPECT_TRUE(inFigurePart(FigurePart::ClosingWithListen, TcpState::TimeWait));
    EXPECT_FALSE(inFigurePart(FigurePart::ClosingWithListen, TcpState::SynReceived));
    EXPECT_FALSE(inFigurePart(FigurePart::ClosingWithListen, TcpState::SynSent));
}

// The claim checked against the engine: every built-in that core calls closing-only, in both
// profiles, clean and at 30 % loss over several seeds, enters no state outside the part.
TEST(FigurePart, AClosingOnlyRunNeverLeavesThePart) {
    forEveryRun(6, [](const std::string& what, const Scenario& s, const Simulator& sim) {
        if (figurePartFor(s) != FigurePart::Closing)
            return;
        for (const TraceRecord& r : sim.trace())
            if (r.kind == EventKind::State) {
                EXPECT_TRUE(inFigurePart(FigurePart::Closing, r.from) && inFigurePart(FigurePart::Closing, r.to))
                    << what << ": " << stateName(r.from) << " -> " << stateName(r.to);
            }
    });
}

// A run that opens is drawn in its opening part through the handshake and the data, and in the
// closing part once the close begins. At every step the part holds both ends' states and the
// change just made (so its edge is drawn); when neither half holds them all, the closing part
// with LISTEN does if it can (old-duplicate's server listening again while A waits in TIME_WAIT),
// and only otherwise the whole figure.
TEST(FigurePart, ARunThatOpensMovesFromTheOpeningToTheClosingPart) {
    for (const char* name : {"full-lifecycle", "old-duplicate"}) {
        const Scenario s = *builtinScenario(name);
        Simulator sim(s);
        // full-lifecycle starts CLOSED: the opening part; old-duplicate starts established.
        EXPECT_EQ(figurePartNow(s, sim.trace()),
                  std::string_view(name) == "full-lifecycle" ? FigurePart::Opening : FigurePart::Closing);
        bool closeBegun = false, sawListen = false;
        while (sim.step()) {
            const FigurePart part = figurePartNow(s, sim.trace());
            std::vector<TcpState> held = {sim.state(Side::A), sim.state(Side::B)};
            for (const TraceRecord& r : sim.trace())
                if (r.kind == EventKind::State) {
                    held.resize(2);
                    held.push_back(r.from);
                    held.push_back(r.to);
                    closeBegun = closeBegun || (r.from == TcpState::Established && !inFigurePart(FigurePart::Opening, r.to));
                }
            const auto holdsAll = [&](FigurePart p) {
                return std::all_of(held.begin(), held.end(), [p](TcpState st) { return inFigurePart(p, st); });
            };
            const std::string what = std::string(name) + " step " + std::to_string(sim.stepIndex());
            EXPECT_TRUE(holdsAll(part)) << what;
            const bool half = holdsAll(FigurePart::Opening) || holdsAll(FigurePart::Closing);
            EXPECT_EQ(part == FigurePart::ClosingWithListen, !half && holdsAll(FigurePart::ClosingWithListen)) << what;
            EXPECT_EQ(part == FigurePart::Whole, !half && !holdsAll(FigurePart::ClosingWithListen)) << what;
            // B listens again after LAST_ACK (steps 10 to 17) while A is in TIME_WAIT.
            if (part == FigurePart::ClosingWithListen) {
                EXPECT_EQ(sim.state(Side::A), TcpState::TimeWait) << what;
            }
            sawListen = sawListen || part == FigurePart::ClosingWithListen;
            if (std::string_view(name) == "full-lifecycle") {
                EXPECT_EQ(part, closeBegun ? FigurePart::Closing : FigurePart::Opening) << what;
            }
        }
        EXPECT_TRUE(closeBegun) << name;
        EXPECT_EQ(sawListen, std::string_view(name) == "old-duplicate") << name;
    }
}

namespace {
TraceRecord change(Side side, TcpState from, TcpState to, TcpState a, TcpState b) {
    TraceRecord r;
    r.kind = EventKind::State;
    r.side = side;
    r.from = from;
    r.to = to;
    r.stateA = a;
    r.stateB = b;
    return r;
}
}  // namespace

// The closing part with LISTEN holds a server listening again beside a closing peer, and nothing
// that opens: once a SYN reaches the listener (SYN_RECEIVED) or a new connection leaves TIME_WAIT
// (T5), the whole figure is drawn; once the listener closes and its peer is CLOSED too, the
// closing part again. Told from records made by hand, as a replayed capture would give them.
TEST(FigurePart, TheClosingPartWithListenHoldsAListenerBesideAClosingPeerOnly) {
    using S = TcpState;
    const Scenario s = *builtinScenario("normal-close");  // starts ESTABLISHED: the closing part
    Trace trace;
    trace.append(change(Side::A, S::Established, S::FinWait1, S::FinWait1, S::Established));
    EXPECT_EQ(figurePartNow(s, trace), FigurePart::Closing);
    trace.append(change(Side::B, S::Established, S::CloseWait, S::FinWait1, S::CloseWait));
    trace.append(change(Side::B, S::CloseWait, S::LastAck, S::FinWait1, S::LastAck));
    trace.append(change(Side::A, S::FinWait1, S::TimeWait, S::TimeWait, S::LastAck));
    trace.append(change(Side::B, S::LastAck, S::Closed, S::TimeWait, S::Closed));
    EXPECT_EQ(figurePartNow(s, trace), FigurePart::Closing);
    trace.append(change(Side::B, S::Closed, S::Listen, S::TimeWait, S::Listen));
    EXPECT_EQ(figurePartNow(s, trace), FigurePart::ClosingWithListen);
    Trace opens = trace;
    opens.append(change(Side::B, S::Listen, S::SynReceived, S::TimeWait, S::SynReceived));
    EXPECT_EQ(figurePartNow(s, opens), FigurePart::Whole);
    Trace newIncarnation = trace;  // a SYN meeting A's TIME_WAIT (T5)
    newIncarnation.append(change(Side::A, S::TimeWait, S::SynReceived, S::SynReceived, S::Listen));
    EXPECT_EQ(figurePartNow(s, newIncarnation), FigurePart::Whole);
    // The listener closes while A waits: still LISTEN's edge, so still the part with LISTEN.
    trace.append(change(Side::B, S::Listen, S::Closed, S::TimeWait, S::Closed));
    EXPECT_EQ(figurePartNow(s, trace), FigurePart::ClosingWithListen);
    trace.append(change(Side::A, S::TimeWait, S::Closed, S::Closed, S::Closed));
    EXPECT_EQ(figurePartNow(s, trace), FigurePart::Closing);
    // Both CLOSED and then one listening: only the opening part's states, so the opening part.
    trace.append(change(Side::B, S::Closed, S::Listen, S::Closed, S::Listen));
    EXPECT_EQ(figurePartNow(s, trace), FigurePart::Opening);
}

// The rows core calls one end's per connection (the passive close) are taken by one end only, in
// every built-in in both profiles, clean and at 30 % loss; and some rows are not (E1, taken by
// both ends in the simultaneous close).
TEST(FigurePart, ThePassiveCloseRowsAreTakenByOneEndOnly) {
    bool sawRow = false;
    forEveryRun(4, [&sawRow](const std::string& what, const Scenario&, const Simulator& sim) {
        std::map<std::string_view, std::set<Side>> takers;
        for (const TraceRecord& r : sim.trace())
            if (const Transition* t = transitionOf(r))
                takers[t->id].insert(r.side);
        for (const auto& [id, sides] : takers) {
            const Transition* t = transitionById(id);
            ASSERT_NE(t, nullptr);
            if (oneEndPerConnection(*t)) {
                sawRow = true;
                EXPECT_EQ(sides.size(), 1u) << what << ": " << id;
            }
        }
    });
    EXPECT_TRUE(sawRow);
    EXPECT_TRUE(oneEndPerConnection(*transitionById("E4")));
    EXPECT_TRUE(oneEndPerConnection(*transitionById("L1")));
    EXPECT_FALSE(oneEndPerConnection(*transitionById("E1")));
    EXPECT_FALSE(oneEndPerConnection(*transitionById("T6")));
}
