// Capture throughput: writing a run as pcapng, reading a capture back (list and one connection),
// and reconstructing the states.
#include "core/scenario/builtin_scenarios.h"
#include "core/capture/capture_reader.h"
#include "core/capture/capture_writer.h"
#include "core/capture/reconstruct.h"

#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>

namespace {
using namespace finwave;

// A half-close run with many data segments: B sends `bytes` after A's FIN.
Scenario bulk(std::uint32_t bytes) {
    Scenario s = *builtinScenario("half-close");
    for (AppAction& a : s.actions)
        if (a.kind == AppAction::Kind::Send)
            a.bytes = bytes;
    return s;
}

void BM_WritePcapng(benchmark::State& state) {
    Simulator sim(bulk(static_cast<std::uint32_t>(state.range(0))));
    sim.runToEnd();
    const std::size_t packets = capture::capturedPackets(sim, Side::A).size();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string out = capture::writeCapture(sim, {});
        bytes = out.size();
        benchmark::DoNotOptimize(out.data());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * packets));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
}
BENCHMARK(BM_WritePcapng)->Arg(100'000)->Arg(2'000'000);

void BM_ReadAndReconstruct(benchmark::State& state) {
    Simulator sim(bulk(static_cast<std::uint32_t>(state.range(0))));
    sim.runToEnd();
    const std::string bytes = capture::writeCapture(sim, {});
    const std::string path = "/tmp/finwave_bench_capture.pcapng";
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    std::size_t packets = 0;
    for (auto _ : state) {
        const auto list = capture::listConnections(path);
        const auto one = capture::readConnection(path, 1);
        const auto run = capture::reconstruct(one.segments);
        packets = one.segments.size();
        benchmark::DoNotOptimize(run.trace.size());
        benchmark::DoNotOptimize(list.connections.size());
    }
    std::remove(path.c_str());
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * packets));
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes.size() * 2));
}
BENCHMARK(BM_ReadAndReconstruct)->Arg(100'000)->Arg(2'000'000);
}  // namespace
