#include "app/cli/commands.h"

#include "core/scenario/builtin_scenarios.h"

#include <cstdio>
#include <string>

namespace finwave::app {

void printHelp() { std::fputs(options::helpText().c_str(), stdout); }

void printVersion() { std::printf("finwave %s\n", FINWAVE_VERSION); }

void printScenarios() {
    for (auto name : builtinScenarioNames())
        std::printf("%-20s %s\n", std::string(name).c_str(), builtinScenario(name)->description.c_str());
}

}  // namespace finwave::app
