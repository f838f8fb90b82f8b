#pragma once

#include "core/simulator.h"

#include <ostream>
#include <string>

namespace finwave {

// One JSON object per record, with the fields of the command-line contract (README, `--format jsonl`).
std::string jsonlRecord(const Simulator& sim, const TraceRecord& r);
// A readable ladder line: time, arrow, flags, seq/ack, both states.
std::string textRecord(const Simulator& sim, const TraceRecord& r);

enum class TraceFormat { Text, Jsonl };
void writeTrace(std::ostream& out, const Simulator& sim, TraceFormat format);

}  // namespace finwave
