// libFuzzer target: the reconstructor's complexity. fuzz_capture reads real bytes and so stays
// small (512 segments); here the input is a recipe for a large connection instead: a motif of up to
// 32 segments (direction, flags, length, a resend of an earlier range, a timestamp, a SACK block)
// repeated up to 200 000 times with the sequence numbers moving on. An n-squared step anywhere in
// the reconstructor turns the largest shapes into minutes, which libFuzzer's -timeout reports; the
// run's invariants hold for every shape.
#include "core/capture/reconstruct.h"
#include "core/capture/teardown.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

namespace {
using namespace finwave;
using namespace finwave::capture;

struct Step {
    bool fromA;
    std::uint8_t flags;
    std::uint32_t length;
    std::uint32_t resendBack;  // > 0: resend the range this many segments back
    bool timestamp, sack;
    std::uint32_t gapUs;
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 4)
        return 0;
    const std::size_t repeats = 1 + ((std::size_t{data[0]} << 8 | data[1]) * 200'000 / 65'536);
    std::vector<Step> motif;
    for (std::size_t i = 2; i + 3 < size && motif.size() < 32; i += 4) {
        const std::uint8_t a = data[i], b = data[i + 1], c = data[i + 2], d = data[i + 3];
        std::uint8_t flags = flag::Ack;
        if ((a & 0x0c) == 0x04)
            flags |= flag::Fin;
        if ((a & 0x30) == 0x10)
            flags |= flag::Rst;
        motif.push_back({(a & 1) != 0, flags, (a & 2) ? std::uint32_t{b} * 8 : 0, (a & 0x40) ? c % 16u : 0u,
                         (d & 1) != 0, (d & 2) != 0, 1u + d * 40u});
    }
    if (motif.empty())
        return 0;
    Endpoint ea, eb;
    ea.address.bytes = {10, 0, 0, 1};
    ea.port = 40000;
    eb.address.bytes = {10, 0, 0, 2};
    eb.port = 80;
    std::vector<WireSegment> wire;
    wire.reserve(std::min<std::size_t>(repeats * motif.size(), 400'000));
    std::uint32_t next[2] = {1000, 90000};
    std::int64_t t = 1'700'000'000'000'000'000;
    std::uint32_t tsClock = 1;
    for (std::size_t r = 0; r < repeats && wire.size() < 400'000; ++r) {
        for (const Step& st : motif) {
            const int me = st.fromA ? 0 : 1;
            WireSegment w;
            w.packet = wire.size() + 1;
            w.tNs = t += st.gapUs * 1000;
            w.from = st.fromA ? ea : eb;
            w.to = st.fromA ? eb : ea;
            w.flags = st.flags;
            w.length = st.length;
            w.window = 65535;
            w.seq = next[me];
            w.ack = next[1 - me];
            if (st.resendBack > 0 && wire.size() >= st.resendBack) {
                const WireSegment& old = wire[wire.size() - st.resendBack];
                if (old.from == w.from) {
                    w.seq = old.seq;
                    w.length = old.length;
                    w.flags = old.flags;
                }
            }
            if (st.timestamp) {
                w.options |= option::Timestamps;
                w.opts.tsVal = ++tsClock;
                w.opts.tsEcr = tsClock - 1;
            }
            if (st.sack && w.ack > 10) {
                w.options |= option::Sack;
                w.opts.sackLeft = w.ack - 10;
                w.opts.sackRight = w.ack;
            }
            if (w.seq == next[me])
                next[me] += w.length + ((w.flags & flag::Fin) ? 1 : 0);
            wire.push_back(w);
        }
    }
    const Reconstruction run = reconstruct(wire);
    if (run.inferred.size() != run.trace.size())
        std::abort();
    for (std::size_t i = 1; i < run.trace.size(); ++i)
        if (run.trace[i].t < run.trace[i - 1].t)
            std::abort();  // one time-ordered trace
    (void)classifyTeardown(run);
    return 0;
}
