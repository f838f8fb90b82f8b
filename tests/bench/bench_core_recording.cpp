// Record and replay: what replaying a saved run costs against the plain run, a drop by
// identity in a long run (it finds its segment among the Send records), and saving and reading a
// recorded run.
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_builder.h"
#include "core/scenario/scenario_io.h"
#include "core/sim/simulator.h"

#include <benchmark/benchmark.h>

using namespace finwave;

namespace {
// A long run (6 MB in 1000-byte segments, about 18 000 events) with a recording every 100 steps:
// a slider change, and a click drop of A's next data segment by identity.
Scenario recordedBulk(int every) {
    Scenario s = *builtinScenario("normal-close");
    s.actions.insert(s.actions.begin(), action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, 6'000'000));
    s.actions[1].delay = 10 * kSec;
    std::uint32_t ordinal = 1;
    for (std::uint64_t step = 10; step < 18'000; step += static_cast<std::uint64_t>(every)) {
        Interaction change;
        change.kind = Interaction::Kind::Channel;
        change.step = step;
        change.channel.delay = (40 + static_cast<Micros>(step % 20)) * kMs;
        s.recording.push_back(change);
        Interaction drop;
        drop.kind = Interaction::Kind::DropSegment;
        drop.step = step;
        drop.ordinal = (ordinal += 30);
        s.recording.push_back(drop);
    }
    return s;
}

Scenario plainBulk() {
    Scenario s = recordedBulk(100);
    s.recording.clear();
    return s;
}

void run(benchmark::State& state, const Scenario& s) {
    Simulator sim(s, SimulatorOptions{true, false});
    std::int64_t events = 0;
    for (auto _ : state) {
        sim.reset();
        events += static_cast<std::int64_t>(sim.runToEnd(10'000'000));
    }
    state.SetItemsProcessed(events);
    state.counters["recorded"] = static_cast<double>(s.recording.size());
}
}  // namespace

static void BM_PlainRunTraceOn(benchmark::State& state) { run(state, plainBulk()); }
static void BM_ReplayEvery100Steps(benchmark::State& state) { run(state, recordedBulk(100)); }
static void BM_ReplayEvery1000Steps(benchmark::State& state) { run(state, recordedBulk(1000)); }
BENCHMARK(BM_PlainRunTraceOn)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayEvery100Steps)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReplayEvery1000Steps)->Unit(benchmark::kMillisecond);

// Saving the recorded run and reading it back, as File → Save run and Open do.
static void BM_WriteAndReadRecordedRun(benchmark::State& state) {
    const Scenario s = recordedBulk(100);
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string text = writeScenario(s);
        bytes = text.size();
        benchmark::DoNotOptimize(parseScenario(text, "run.json"));
    }
    state.counters["file_bytes"] = static_cast<double>(bytes);
}
BENCHMARK(BM_WriteAndReadRecordedRun)->Unit(benchmark::kMillisecond);

// A step back in a long recorded run at step 10 000 (restore a checkpoint and replay to it).
static void BM_StepBackInRecordedRun(benchmark::State& state) {
    Simulator sim(recordedBulk(100));
    sim.seek(10'000);
    for (auto _ : state) {
        sim.stepBack();
        sim.step();
    }
}
BENCHMARK(BM_StepBackInRecordedRun)->Unit(benchmark::kMicrosecond);

namespace {
// The reliability issue's run: MSS 1 and one 50 000-byte send (50 000 segments, about 100 000
// steps), seeked to the end with the step-back history kept, then back to the middle.
Scenario mss1(std::uint32_t bytes) {
    Scenario s = *builtinScenario("half-close");
    s.params.mss = 1;
    s.actions = {action(Side::A, AppAction::Kind::Send, 0, AppAction::Trigger::AtTime, bytes),
                 action(Side::A, AppAction::Kind::Close, kMs, AppAction::Trigger::AtTime, 0),
                 action(Side::B, AppAction::Kind::Close, 0, AppAction::Trigger::AfterEof, 0)};
    return s;
}

void BM_SeekToEndWithHistory(benchmark::State& state) {
    const Scenario s = mss1(static_cast<std::uint32_t>(state.range(0)));
    std::size_t history = 0, steps = 0;
    for (auto _ : state) {
        Simulator sim(s);
        sim.seek(10'000'000);
        history = sim.historyBytes();
        steps = sim.stepIndex();
        benchmark::DoNotOptimize(sim.trace().size());
    }
    state.counters["steps"] = static_cast<double>(steps);
    state.counters["history_MB"] = static_cast<double>(history) / 1e6;
}
BENCHMARK(BM_SeekToEndWithHistory)->Arg(50'000)->Unit(benchmark::kMillisecond);

void BM_StepBackInTheMiddle(benchmark::State& state) {
    Simulator sim(mss1(50'000));
    sim.runToEnd();
    const std::uint64_t middle = sim.stepIndex() / 2;
    sim.seek(middle);
    for (auto _ : state) {
        sim.stepBack();
        sim.step();
    }
}
BENCHMARK(BM_StepBackInTheMiddle)->Unit(benchmark::kMicrosecond);
}  // namespace
