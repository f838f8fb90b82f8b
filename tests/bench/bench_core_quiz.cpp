// Quiz mode: the cost of asking, which the window pays before every step in a quiz.
// Asking runs the next event and steps back (a checkpoint restore and up to 31 replayed events).
#include "core/scenario/builtin_scenarios.h"
#include "core/teaching/quiz.h"
#include "core/scenario/scenario_builder.h"
#include "core/sim/simulator.h"

#include <benchmark/benchmark.h>

using namespace finwave;

namespace {
// A long run: A sends 6 MB in 1000-byte segments, then both close (about 18 000 events).
Scenario bulk() {
    Scenario s = *builtinScenario("normal-close");
    s.actions.insert(s.actions.begin(), action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, 6'000'000));
    s.actions[1].delay = 10 * kSec;
    return s;
}
}  // namespace

// One question at step N of the long run; N = 31 mod 32 is the worst case (the most replay).
static void BM_QuizAskAtStep(benchmark::State& state) {
    Simulator sim(bulk());
    sim.seek(static_cast<std::uint64_t>(state.range(0)));
    const QuizSettings all;
    for (auto _ : state)
        benchmark::DoNotOptimize(nextQuestion(sim, all));
}
BENCHMARK(BM_QuizAskAtStep)->Arg(32)->Arg(63)->Arg(10'015)->Arg(10'047);

// A whole normal close asked at every step, as a student runs it.
static void BM_QuizWholeNormalClose(benchmark::State& state) {
    const Scenario s = *builtinScenario("normal-close");
    const QuizSettings all;
    for (auto _ : state) {
        Simulator sim(s);
        while (!sim.isFinished()) {
            benchmark::DoNotOptimize(nextQuestion(sim, all));
            sim.step();
        }
    }
}
BENCHMARK(BM_QuizWholeNormalClose);
