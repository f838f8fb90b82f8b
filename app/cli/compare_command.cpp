// `finwave compare`: two runs of the engine (or a run and a capture) paired event by event, with
// where they first differ (core/compare). Exit 0 when they match and 1 when they differ, as diff.
#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/capture/capture_reader.h"
#include "core/capture/reconstruct.h"
#include "core/compare/compare.h"
#include "core/options/scenario_resolve.h"

#include <cmath>
#include <iostream>
#include <memory>

namespace finwave::app {

namespace {
std::string named(const Scenario& s) { return s.name + ", profile " + std::string(profileName(s.params.profile)); }
}  // namespace

int runCompare(const options::CompareOptions& o) {
    const auto fail = [](const std::string& msg) { return refuse("compare", msg); };
    std::string error;
    const auto first = options::resolveScenario(o.scenario, error);
    if (!first)
        return fail(error);
    const auto one = compare::finishedRun(*first);
    std::unique_ptr<Simulator> two;
    std::string secondName;
    if (o.withProfile) {
        Scenario s = *first;
        applyProfile(s, *o.withProfile);
        two = compare::finishedRun(s);
        secondName = named(s);
    } else if (!o.with.empty()) {
        options::ScenarioFlags flags = o.scenario;
        flags.scenario = o.with;
        const auto second = options::resolveScenario(flags, error);
        if (!second)
            return fail("--with: " + error);
        two = compare::finishedRun(*second);
        secondName = named(*second);
    } else {
        const int chosen = o.connection == 0 ? 1 : o.connection;
        const capture::ReadResult read = capture::readConnection(o.withCapture, chosen);
        if (!read.ok())
            return fail("--with-capture: " + read.error);
        // What the capture cannot show (when TIME_WAIT ends, RFC 1337) is taken as the scenario has it.
        capture::ReconstructOptions assumed;
        assumed.timeWait = first->params.timeWait;
        assumed.rfc1337 = first->params.rfc1337;
        const capture::Reconstruction run = capture::reconstruct(read.segments, assumed);
        two = std::make_unique<Simulator>(*first);
        two->loadReplay(run.trace, run.issA, run.issB, o.withCapture);
        two->runToEnd(run.trace.size() + 1);  // a replay shows its records as it is stepped
        secondName = o.withCapture + ", connection " + std::to_string(chosen);
    }
    const Micros tolerance = std::llround(o.toleranceMs * kMs);
    // A capture's clock starts at its first packet, which may be a handshake the run did not have.
    const compare::Comparison c = compare::compareRuns(*one, *two, tolerance, !o.withCapture.empty());
    std::cout << (o.format == TraceFormat::Text ? compare::comparisonText(*one, *two, c, named(*first), secondName)
                                                : compare::comparisonJsonl(*one, *two, c));
    // 1 means the runs differ (as diff): output that could not be written is 2, not 1.
    if (finishOutput("compare") != 0)
        return 2;
    return c.same() ? 0 : 1;
}

}  // namespace finwave::app
