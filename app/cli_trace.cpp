#include "app/cli_trace.h"

#include "app/cli_options.h"
#include "core/trace_format.h"

#include <iostream>
#include <string>
#include <string_view>

namespace finwave::app {

int runTrace(int argc, char** argv) {
    ScenarioOptions options;
    TraceFormat format = TraceFormat::Text;
    for (int i = 2; i < argc; ++i) {
        int status = 0;
        const FlagParse parsed = handleScenarioFlag(argc, argv, i, options, "trace", status);
        if (parsed == FlagParse::Consumed)
            continue;
        if (parsed == FlagParse::Error)
            return status;
        const std::string_view flag = argv[i];
        if (flag == "--format") {
            if (i + 1 >= argc) {
                std::cerr << "finwave trace: --format: needs a value (text, jsonl)\n";
                return 2;
            }
            const std::string_view v = argv[++i];
            if (v == "text") {
                format = TraceFormat::Text;
            } else if (v == "jsonl") {
                format = TraceFormat::Jsonl;
            } else {
                std::cerr << "finwave trace: --format: '" << v << "' is not a format (text, jsonl)\n";
                return 2;
            }
            continue;
        }
        std::cerr << "finwave trace: unknown flag '" << flag << "' (see finwave --help)\n";
        return 2;
    }
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
