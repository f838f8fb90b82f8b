// Engine speed: events/s with the trace on and off, close episodes/s, step back at
// step 10 000, bytes per trace record.
#include "core/scenario/builtin_scenarios.h"
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

void runEvents(benchmark::State& state, bool trace) {
    Simulator sim(bulk(), SimulatorOptions{trace, false});
    std::int64_t events = 0;
    for (auto _ : state) {
        sim.reset();
        events += static_cast<std::int64_t>(sim.runToEnd(10'000'000));
    }
    state.SetItemsProcessed(events);
}
}  // namespace

static void BM_EventsTraceOff(benchmark::State& state) { runEvents(state, false); }
static void BM_EventsTraceOn(benchmark::State& state) { runEvents(state, true); }
BENCHMARK(BM_EventsTraceOff)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_EventsTraceOn)->Unit(benchmark::kMillisecond);

// Events/s on the runs a lesson or an experiment makes: whole normal-close episodes.
static void BM_EventsNormalCloseTraceOff(benchmark::State& state) {
    Simulator sim(*builtinScenario("normal-close"), SimulatorOptions{false, false});
    std::int64_t events = 0;
    for (auto _ : state) {
        sim.reset();
        events += static_cast<std::int64_t>(sim.runToEnd());
    }
    state.SetItemsProcessed(events);
}
BENCHMARK(BM_EventsNormalCloseTraceOff);

static void BM_NormalCloseEpisodes(benchmark::State& state) {
    Simulator sim(*builtinScenario("normal-close"), SimulatorOptions{false, false});
    for (auto _ : state) {
        sim.reset();
        sim.runToEnd();
        benchmark::DoNotOptimize(sim.outcome());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NormalCloseEpisodes);

static void BM_LostFinEpisodesAt30PercentLoss(benchmark::State& state) {
    Scenario s = *builtinScenario("lost-fin");
    s.ab.loss = s.ba.loss = 0.3;
    Simulator sim(s, SimulatorOptions{false, false});
    std::uint64_t seed = 1;
    for (auto _ : state) {
        sim.setSeed(++seed);
        sim.reset();
        sim.runToEnd();
        benchmark::DoNotOptimize(sim.outcome());
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_LostFinEpisodesAt30PercentLoss);

// Step back from step 10 000 and forward again; BM_StepForwardAt10000 is the forward half alone.
static void BM_StepBackAndForwardAt10000(benchmark::State& state) {
    Simulator sim(bulk());
    sim.seek(10'000);
    for (auto _ : state) {
        sim.stepBack();
        sim.step();
    }
    state.counters["step"] = static_cast<double>(sim.stepIndex());
}
BENCHMARK(BM_StepBackAndForwardAt10000)->Unit(benchmark::kMicrosecond);

static void BM_StepForwardAt10000(benchmark::State& state) {
    Simulator sim(bulk());
    sim.seek(10'000);
    for (auto _ : state) {
        state.PauseTiming();
        sim.seek(10'000);
        state.ResumeTiming();
        sim.step();
    }
}
BENCHMARK(BM_StepForwardAt10000)->Unit(benchmark::kMicrosecond);

static void BM_TraceRecordBytes(benchmark::State& state) {
    for (auto _ : state)
        benchmark::DoNotOptimize(sizeof(TraceRecord));
    state.counters["bytes_per_record"] = sizeof(TraceRecord);
}
BENCHMARK(BM_TraceRecordBytes);
