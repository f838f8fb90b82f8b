#pragma once

#include "core/sim/simulator.h"

#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace finwave {

// Wireshark's relative sequence and acknowledgment numbers of a segment (a simulated run's come
// from its ISS at the time; an imported capture's from its SYNs).
struct RelativeNumbers {
    std::function<std::uint32_t(const Segment&)> seq, ack;
};
RelativeNumbers relativeNumbers(const Simulator& sim);
// The same lines for any trace; `extraFields` ("\"inferred\":true") goes before the closing brace.
std::string jsonlRecord(const TraceRecord& r, const RelativeNumbers& rel, std::string_view extraFields = {});
std::string textRecord(const TraceRecord& r, const RelativeNumbers& rel);
// A Return record in words: "read() = -1 ECONNRESET", "close() = 0, 2000 bytes thrown away".
std::string callReturnText(const TraceRecord& r);

// One JSON object per record, with the fields of the command-line contract (README, `--format jsonl`).
std::string jsonlRecord(const Simulator& sim, const TraceRecord& r);
// A readable ladder line: time, arrow, flags, seq/ack, both states.
std::string textRecord(const Simulator& sim, const TraceRecord& r);

enum class TraceFormat { Text, Jsonl };
void writeTrace(std::ostream& out, const Simulator& sim, TraceFormat format);

}  // namespace finwave
