// The engine checks every change of state against core/protocol/transitions.cpp (Simulator::
// unlistedTransitions). Every built-in scenario in both profiles and 10 000 random runs must take
// only listed transitions; and docs/protocol.md must document every row id of the table.
#include "core/engine/rng.h"
#include "core/protocol/transitions.h"
#include "support/engine_run.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

using namespace finwave;
using namespace finwave::testing;
using K = AppAction::Kind;
using T = AppAction::Trigger;

namespace {
// The unlisted changes of state in a trace, as "FROM -> TO (reason)", one entry per change.
std::vector<std::string> unlisted(const Simulator& sim) {
    std::vector<std::string> out;
    for (const TraceRecord& r : sim.trace())
        if (r.kind == EventKind::State && findTransition(r.from, r.to, r.reason) == nullptr)
            out.push_back(std::string(stateName(r.from)) + " -> " + std::string(stateName(r.to)) + " (" +
                          std::string(reasonKey(r.reason)) + ")");
    return out;
}

Scenario randomRun(Rng& rng, int i) {
    Scenario s = established(i % 2 == 0 ? Profile::Rfc : Profile::Linux);
    s.seed = rng.next();
    s.params.userTimeout = rng.uniformInt(2) == 0 ? 300 * kSec : 0;
    s.params.rfc1337 = rng.uniformInt(2) == 0;
    s.params.delayedAck = rng.uniformInt(2) == 0;
    const auto ms = [&](std::uint32_t max) { return static_cast<Micros>(rng.uniformInt(max)) * kMs; };
    s.ab.delay = ms(300);
    s.ba.delay = ms(300);
    s.ab.jitter = s.ba.jitter = ms(50);
    s.ab.loss = rng.uniform() * 0.5;
    s.ba.loss = rng.uniform() * 0.5;
    s.params.mss = 200 + static_cast<std::uint32_t>(rng.uniformInt(1000));
    const bool open = rng.uniformInt(3) == 0;  // a three-way open first
    if (open) {
        s.a.initial = s.b.initial = TcpState::Closed;
        s.actions = {action(Side::B, K::Listen, 0), action(Side::A, K::Connect, ms(50))};
    }
    s.b.listenAgain = rng.uniformInt(4) == 0;
    s.a.autoRead = rng.uniformInt(5) != 0;
    s.b.autoRead = rng.uniformInt(5) != 0;
    s.a.lingerZero = rng.uniformInt(10) == 0;
    s.b.linger2Negative = rng.uniformInt(10) == 0;
    const K closes[] = {K::Close, K::Close, K::ShutdownWrite, K::Abort};
    const T triggers[] = {T::AtTime, T::AfterEof, T::AfterEstablished, T::AfterData, T::AfterAllAcked};
    const int n = 2 + static_cast<int>(rng.uniformInt(5));
    for (int k = 0; k < n; ++k) {
        const Side side = rng.uniformInt(2) == 0 ? Side::A : Side::B;
        const T trig = triggers[rng.uniformInt(4)];  // uniformInt(n) is in [0, n]
        if (rng.uniformInt(2) == 0)
            s.actions.push_back(
                action(side, K::Send, ms(500), trig, static_cast<std::uint32_t>(rng.uniformInt(5000))));
        else
            s.actions.push_back(action(side, closes[rng.uniformInt(3)], ms(2000), trig));
    }
    if (rng.uniformInt(4) == 0)
        s.actions.push_back(action(Side::A, K::Read, ms(1000)));
    if (rng.uniformInt(4) == 0) {  // a second connection on the same addresses
        s.actions.push_back(action(Side::A, K::Connect, ms(5000)));
        if (rng.uniformInt(2) == 0)
            s.actions.back().iss = static_cast<std::uint32_t>(rng.uniformInt(100000));
    }
    s.horizon = 2000 * kSec;
    return s;
}
}  // namespace

TEST(TransitionTable, EveryBuiltinScenarioInBothProfilesTakesOnlyListedTransitions) {
    for (auto name : builtinScenarioNames()) {
        for (Profile p : {Profile::Rfc, Profile::Linux}) {
            Scenario s = *builtinScenario(name);
            applyProfile(s, p);
            Simulator sim(s);
            sim.runToEnd();
            EXPECT_EQ(sim.unlistedTransitions(), 0) << name << " " << profileName(p);
            const std::vector<std::string> u = unlisted(sim);
            EXPECT_TRUE(u.empty()) << name << " " << profileName(p) << ": " << (u.empty() ? "" : u.front());
        }
    }
}

TEST(TransitionTable, TenThousandRandomRunsTakeOnlyListedTransitions) {
    Rng rng(20261201);
    std::set<std::string> found;
    int changes = 0;
    for (int i = 0; i < 10000; ++i) {
        Simulator sim(randomRun(rng, i), SimulatorOptions{true, false});
        sim.runToEnd(200000);
        const std::vector<std::string> here = unlisted(sim);
        EXPECT_EQ(static_cast<std::size_t>(sim.unlistedTransitions()), here.size()) << "run " << i;
        found.insert(here.begin(), here.end());
        for (const TraceRecord& r : sim.trace()) changes += r.kind == EventKind::State;
    }
    std::string all;
    for (const std::string& u : found) all += u + "\n";
    EXPECT_TRUE(found.empty()) << all;
    EXPECT_GT(changes, 30000);  // the runs did change state a lot
}

TEST(TransitionTable, UnlistedTransitionsAreCountedByTheSimulator) {
    // A listed run counts zero; the count is what the random-run test relies on.
    Simulator sim(*builtinScenario("normal-close"));
    sim.runToEnd();
    EXPECT_EQ(sim.unlistedTransitions(), 0);
    EXPECT_TRUE(isListedTransition(TcpState::FinWait1, TcpState::FinWait2, Reason::FinAckedEnterFinWait2));
    EXPECT_FALSE(isListedTransition(TcpState::FinWait1, TcpState::FinWait2, Reason::RstReceivedClosed));
}

// docs/protocol.md's "Transitions" table is checked whole against core's: every row of each, with
// its from and to, its Figure 5 label, its source and its profile, so the docs cannot drift.
TEST(TransitionTable, DocsProtocolMdHoldsTheTableWholeAndNothingElse) {
    std::ifstream in(std::string(FINWAVE_SOURCE_DIR) + "/docs/protocol.md");
    ASSERT_TRUE(in) << "docs/protocol.md is missing";
    std::map<std::string, std::string> documented;  // id -> the row as written
    std::string line;
    bool inTable = false;
    while (std::getline(in, line)) {
        if (line.rfind("| id | from | to | event / action | source | profile |", 0) == 0) {
            inTable = true;
            continue;
        }
        if (inTable && line.rfind("|---", 0) == 0)
            continue;
        if (inTable && line.rfind("| ", 0) != 0)
            break;
        if (inTable)
            documented[line.substr(2, line.find(" |") - 2)] = line;
    }
    ASSERT_FALSE(documented.empty()) << "no Transitions table in docs/protocol.md";
    std::set<std::string> inCore;
    for (const Transition& t : transitions()) {
        const std::string id(t.id);
        inCore.insert(id);
        const std::string row = "| " + id + " | " + std::string(stateName(t.from)) + " | " + std::string(stateName(t.to)) +
                                " | " + std::string(t.label) + " | " + std::string(t.section) + " | " +
                                (t.linuxOnly ? "linux" : "both") + " |";
        const auto it = documented.find(id);
        ASSERT_NE(it, documented.end()) << "docs/protocol.md has no row " << row;
        EXPECT_EQ(it->second, row) << "docs/protocol.md's row " << id << " differs from core/protocol/transitions.cpp";
    }
    for (const auto& [id, row] : documented)
        EXPECT_TRUE(inCore.count(id)) << "docs/protocol.md has a row core does not: " << row;
}
