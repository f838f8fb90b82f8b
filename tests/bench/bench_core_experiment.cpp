// 100 000 close episodes across 13 loss levels (0-60 % by 5 %), one thread against two.
#include "core/scenario/builtin_scenarios.h"
#include "core/sim/experiment.h"

#include <benchmark/benchmark.h>

using namespace finwave;

static void BM_Sweep100kEpisodes13Levels(benchmark::State& state) {
    SweepConfig c;
    c.scenario = *builtinScenario("normal-close");
    c.lossFrom = 0;
    c.lossTo = 0.6;
    c.lossStep = 0.05;
    c.runsPerPoint = 100000 / 13 + 1;
    c.threads = static_cast<int>(state.range(0));
    for (auto _ : state)
        benchmark::DoNotOptimize(runSweep(c));
    state.SetItemsProcessed(state.iterations() * 13 * c.runsPerPoint);
}
BENCHMARK(BM_Sweep100kEpisodes13Levels)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();
