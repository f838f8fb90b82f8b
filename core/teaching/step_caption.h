#pragma once
// Which record explains a step, for the caption a teacher reads from: a step is one event, and it
// may write several records (a segment arrives, the state changes, an ACK leaves, a timer starts).
// The one that says most is taken: a change of state, then a row of the transition table taken in
// place (TIME_WAIT restarting, a FIN sent again) or a failed call's return, a loss, a segment
// sent, a timer expiring, a call's return, a note, the call made, a segment arriving.

#include "core/protocol/trace.h"

#include <cstdint>
#include <optional>

namespace finwave {

// Step `step` (1-based) of `trace`; nullopt for step 0 or a step the trace does not hold.
std::optional<std::size_t> explainingRecord(const Trace& trace, std::uint64_t step);

}  // namespace finwave
