#include "app/cli/second_run.h"

#include "core/capture/capture_reader.h"
#include "core/compare/compare.h"
#include "core/options/scenario_resolve.h"

namespace finwave::app {

std::string runName(const Scenario& s) { return s.name + ", profile " + std::string(profileName(s.params.profile)); }

SecondRunBuilt buildSecondRun(const Scenario& first, const options::ScenarioFlags& flags, const options::SecondRun& second) {
    SecondRunBuilt out;
    if (second.withProfile || !second.with.empty()) {
        Scenario s = first;
        if (second.withProfile) {
            applyProfile(s, *second.withProfile);
        } else {
            options::ScenarioFlags other = flags;  // the same scenario options, another scenario
            other.scenario = second.with;
            std::string error;
            const auto read = options::resolveScenario(other, error);
            if (!read) {
                out.error = "--with: " + error;
                return out;
            }
            s = *read;
        }
        out.run = compare::finishedRun(s);
        out.name = runName(s);
        out.scenario = std::move(s);
        return out;
    }
    out.connection = second.connection == 0 ? 1 : second.connection;
    const capture::ReadResult read = capture::readConnection(second.withCapture, out.connection);
    if (!read.ok()) {
        out.error = "--with-capture: " + read.error;
        return out;
    }
    // What the capture cannot show (when TIME_WAIT ends, RFC 1337) is taken as the scenario has it.
    capture::ReconstructOptions assumed;
    assumed.timeWait = first.params.timeWait;
    assumed.rfc1337 = first.params.rfc1337;
    out.capture = capture::reconstruct(read.segments, assumed);
    out.run = std::make_unique<Simulator>(first);
    out.run->loadReplay(out.capture->trace, out.capture->issA, out.capture->issB, second.withCapture);
    out.run->runToEnd(out.capture->trace.size() + 1);  // a replay shows its records as it is stepped
    out.name = second.withCapture + ", connection " + std::to_string(out.connection);
    return out;
}

}  // namespace finwave::app
