#include "core/teaching/departure.h"

#include "core/sim/simulator.h"

#include <algorithm>

namespace finwave {

ScenarioStory storyOf(const Trace& trace, Outcome outcome) {
    ScenarioStory story{outcome, {}};
    for (const TraceRecord& r : trace)
        if (r.kind == EventKind::Drop && r.reason == Reason::LostTargeted)
            story.faults.push_back({senderOf(r.seg.dir), r.seg.flags});
    return story;
}

ScenarioStory writtenStory(const Scenario& scenario, std::uint64_t maxSteps) {
    Simulator sim(scenario);
    sim.runToEnd(maxSteps);
    return storyOf(sim.trace(), sim.outcome());
}

std::optional<Departure> departureFrom(const ScenarioStory& written, const Trace& run, Outcome outcome, bool finished) {
    const ScenarioStory now = storyOf(run, outcome);
    Departure d;
    d.writtenOutcome = written.outcome;
    d.outcome = outcome;
    const std::size_t shared = std::min(written.faults.size(), now.faults.size());
    for (std::size_t i = 0; i < shared; ++i)
        if (!(written.faults[i] == now.faults[i])) {
            d.written = written.faults[i];
            d.taken = now.faults[i];
            return d;
        }
    if (!finished)
        return std::nullopt;
    if (now.faults.size() < written.faults.size()) {
        d.faultMissing = true;
        d.written = written.faults[now.faults.size()];
    }
    d.outcomeChanged = outcome != written.outcome;
    if (!d.faultMissing && !d.outcomeChanged)
        return std::nullopt;
    return d;
}

}  // namespace finwave
