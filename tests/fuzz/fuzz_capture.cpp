// libFuzzer target: the capture reader (libpcap on memory through fmemopen), the reconstructor and
// the teardown classifier. Nothing may crash, hang or hit undefined behaviour; every refusal is one
// line naming the file; the reconstruction has one inferred mark per record and states in order.
#include "core/capture/capture_reader.h"
#include "core/capture/reconstruct.h"
#include "core/capture/teardown.h"
#include "core/sim/trace_format.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
std::FILE* memoryFile(const std::uint8_t* data, std::size_t size) {
    // fmemopen refuses a zero-length buffer; an empty file is then one byte short of a header.
    static const std::uint8_t zero = 0;
    return fmemopen(const_cast<std::uint8_t*>(size ? data : &zero), size ? size : 1, "rb");
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace finwave::capture;
    CaptureLimits limits;
    limits.maxConnections = 64;
    limits.maxSegments = 512;
    std::FILE* f = memoryFile(data, size);
    if (!f)
        return 0;
    const ReadResult list = listConnections(f, "fuzz.pcap", limits);
    if (!list.ok()) {
        if (list.error.rfind("fuzz.pcap", 0) != 0 || list.error.find('\n') != std::string::npos)
            std::abort();
        return 0;
    }
    if (list.connections.empty())
        std::abort();  // success means at least one TCP connection
    const int pick = static_cast<int>(size % list.connections.size()) + 1;
    std::FILE* g = memoryFile(data, size);
    if (!g)
        return 0;
    const ReadResult one = readConnection(g, "fuzz.pcap", pick, limits);
    if (!one.ok())
        return 0;
    if (one.segments.size() != list.connections[static_cast<std::size_t>(pick - 1)].packets)
        std::abort();  // both passes split the file the same way
    const Reconstruction run = reconstruct(one.segments);
    if (run.inferred.size() != run.trace.size())
        std::abort();
    const finwave::RelativeNumbers rel{[&run](const finwave::Segment& s) { return relativeSeq(run, s); },
                                       [&run](const finwave::Segment& s) { return relativeAck(run, s); }};
    for (const finwave::TraceRecord& r : run.trace)
        (void)finwave::jsonlRecord(r, rel);
    (void)teardownSentence(classifyTeardown(run));
    return 0;
}
