// `finwave compare`: two runs of the engine (or a run and a capture) paired event by event, with
// where they first differ (core/compare). Exit 0 when they match and 1 when they differ, as diff.
#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "app/cli/second_run.h"
#include "core/compare/compare.h"
#include "core/options/scenario_resolve.h"

#include <cmath>
#include <iostream>
#include <memory>

namespace finwave::app {


int runCompare(const options::CompareOptions& o) {
    const auto fail = [](const std::string& msg) { return refuse("compare", msg); };
    std::string error;
    const auto first = options::resolveScenario(o.scenario, error);
    if (!first)
        return fail(error);
    const auto one = compare::finishedRun(*first);
    const SecondRunBuilt two = buildSecondRun(*first, o.scenario, o.second);
    if (!two.run)
        return fail(two.error);
    const Micros tolerance = std::llround(o.toleranceMs * kMs);
    // A capture's clock starts at its first packet, which may be a handshake the run did not have.
    const compare::Comparison c = compare::compareRuns(*one, *two.run, tolerance, !o.second.withCapture.empty());
    std::cout << (o.format == TraceFormat::Text ? compare::comparisonText(*one, *two.run, c, runName(*first), two.name)
                                                : compare::comparisonJsonl(*one, *two.run, c));
    // 1 means the runs differ (as diff): output that could not be written is 2, not 1.
    if (finishOutput("compare") != 0)
        return 2;
    return c.same() ? 0 : 1;
}

}  // namespace finwave::app
