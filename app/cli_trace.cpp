#include "app/cli_trace.h"

#include "app/cli_options.h"
#include "core/scenario_io.h"
#include "core/trace_format.h"

#include <iostream>
#include <string>
#include <string_view>

namespace finwave::app {

int runTrace(int argc, char** argv) {
    const ParsedFlags flags = parseFlags(argc, argv, 2, {{"--format", true}});
    if (flags.error == FlagError::MissingValue && flags.flag == "--format")
        return refuse("trace", "--format: needs a value (text, jsonl)");
    if (const auto reason = commonFlagError(flags))
        return refuse("trace", *reason);
    TraceFormat format = TraceFormat::Text;
    for (const std::string& v : flags.values("--format")) {
        if (v == "text")
            format = TraceFormat::Text;
        else if (v == "jsonl")
            format = TraceFormat::Jsonl;
        else
            return refuse("trace", "--format: '" + printable(v) + "' is not a format (text, jsonl)");
    }
    const ScenarioOptions& options = flags.scenario;
    std::string error;
    const auto scenario = resolveScenario(options, error);
    if (!scenario) {
        std::cerr << "finwave trace: " << error << '\n';
        return 2;
    }
    Simulator sim(*scenario, SimulatorOptions{true, false});
    sim.runToEnd(10'000'000);
    writeTrace(std::cout, sim, format);
    std::cout.flush();
    return std::cout ? 0 : 1;
}

}  // namespace finwave::app
