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

namespace {
// The reliability issue's shape: A sends n data segments and B acknowledges them once, at the end,
// then both close. Each near segment's "first far ACK covering it" is the same last one.
std::vector<capture::WireSegment> oneAckShape(std::size_t n, bool goBack = false) {
    capture::Endpoint a, b;
    a.address.bytes[0] = 10;
    a.port = 40000;
    b.address.bytes[0] = 11;
    b.port = 80;
    std::vector<capture::WireSegment> w;
    std::int64_t t = 1'700'000'000'000'000'000;
    std::uint32_t seqA = 1000, seqB = 5000;
    auto put = [&](bool fromA, std::uint8_t flags, std::uint32_t len) {
        capture::WireSegment s;
        s.packet = w.size() + 1;
        s.tNs = t += 10'000;
        s.from = fromA ? a : b;
        s.to = fromA ? b : a;
        s.seq = fromA ? seqA : seqB;
        s.ack = fromA ? seqB : seqA;
        s.flags = flags;
        s.length = len;
        s.window = 65535;
        (fromA ? seqA : seqB) += len + ((flags & flag::Fin) ? 1 : 0);
        w.push_back(s);
    };
    for (std::size_t i = 0; i < n; ++i) {
        put(true, flag::Ack | flag::Psh, 100);
        if (goBack)
            put(false, flag::Ack, 0);  // the receiver, where the capture is, ACKs each at once
    }
    put(false, flag::Ack, 0);
    if (goBack) {  // every segment resent after a pause, each answered by a duplicate ACK
        t += 300'000'000;
        const std::uint32_t end = seqA;
        seqA = 1000;
        for (std::size_t i = 0; i < n; ++i) {
            put(true, flag::Ack | flag::Psh, 100);
            const std::uint32_t resentTo = seqA;
            seqA = end;
            put(false, flag::Ack, 0);
            seqA = resentTo;
        }
        seqA = end;
    }
    put(true, flag::Ack | flag::Fin, 0);
    put(false, flag::Ack | flag::Fin, 0);
    put(true, flag::Ack, 0);
    return w;
}

void BM_ReconstructOneAck(benchmark::State& state) {
    const auto wire = oneAckShape(static_cast<std::size_t>(state.range(0)));
    for (auto _ : state) {
        const auto run = capture::reconstruct(wire);
        benchmark::DoNotOptimize(run.trace.size());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * wire.size()));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ReconstructOneAck)->Arg(10'000)->Arg(80'000)->Arg(320'000)->Unit(benchmark::kMillisecond)->Complexity();

// Go-back-N seen at the receiver: n segments each ACKed, then all n resent. Each resend's span
// (its first copy to itself) holds every ACK: the lost-ACK check looped over them all (n squared).
void BM_ReconstructGoBack(benchmark::State& state) {
    const auto wire = oneAckShape(static_cast<std::size_t>(state.range(0)), true);
    for (auto _ : state) {
        const auto run = capture::reconstruct(wire);
        benchmark::DoNotOptimize(run.trace.size());
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * wire.size()));
    state.SetComplexityN(state.range(0));
}
BENCHMARK(BM_ReconstructGoBack)->Arg(10'000)->Arg(80'000)->Arg(320'000)->Unit(benchmark::kMillisecond)->Complexity();
}  // namespace
