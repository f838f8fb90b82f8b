#include "core/teaching/step_caption.h"

#include "core/protocol/transitions.h"

#include <algorithm>

namespace finwave {

namespace {
// Larger says more about the step.
int weight(const TraceRecord& r) {
    // A row of the transition table taken without a change of state (T1: TIME_WAIT restarts on a
    // resent FIN; L2: LAST_ACK sends its FIN again) is what the step teaches.
    if (r.kind != EventKind::State && transitionOf(r))
        return 8;
    switch (r.kind) {
    case EventKind::State: return 9;
    case EventKind::Return: return r.error != SocketError::None ? 8 : 4;
    case EventKind::Drop: return 7;
    case EventKind::Send: return 6;
    case EventKind::TimerFire: return 5;
    case EventKind::Note: return 3;
    case EventKind::App: return 2;
    case EventKind::Arrive: return 1;
    case EventKind::TimerStart:
    case EventKind::TimerStop: return 0;
    }
    return 0;
}
}  // namespace

std::optional<std::size_t> explainingRecord(const Trace& trace, std::uint64_t step) {
    if (step == 0)
        return std::nullopt;
    // Records are in step order: the step's records are one run of the trace.
    const auto first = std::lower_bound(trace.begin(), trace.end(), step,
                                        [](const TraceRecord& r, std::uint64_t s) { return r.step < s; });
    std::optional<std::size_t> best;
    int bestWeight = -1;
    for (auto it = first; it != trace.end() && it->step == step; ++it) {
        // The first of the heaviest kind: the change of state the step makes, the segment it sends.
        const int w = weight(*it);
        if (w > bestWeight) {
            bestWeight = w;
            best = static_cast<std::size_t>(it - trace.begin());
        }
    }
    return best;
}

}  // namespace finwave
