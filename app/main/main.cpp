// Thin entry point: the command line is read (core/options); a command runs without a display,
// and no command opens the window.
#include "app/cli/commands.h"
#include "app/main/window_main.h"

#include <cstdio>
#include <string>
#include <vector>

namespace {
template <class... F>
struct Overloaded : F... {
    using F::operator()...;
};
}  // namespace

int main(int argc, char** argv) {
    using namespace finwave;
    const options::Parsed parsed = options::parseCommandLine(std::vector<std::string>(argv + 1, argv + argc));
    if (!parsed) {
        std::fprintf(stderr, "%s\n", parsed.error.c_str());
        return 2;
    }
    char* program = argv[0];
    return std::visit(Overloaded{
                          [program](const options::WindowOptions& o) { return app::runWindow(o, program); },
                          [](const options::TraceOptions& o) { return app::runTrace(o); },
                          [](const options::ImportOptions& o) { return app::runImport(o); },
                          [program](const options::ExportOptions& o) { return app::runExport(o, program); },
                          [program](const options::ExperimentOptions& o) { return app::runExperiment(o, program); },
                          [program](const options::LabOptions& o) { return app::runLab(o, program); },
                          [](const options::CompareOptions& o) { return app::runCompare(o); },
                          [](const options::HelpRequest&) {
                              app::printHelp();
                              return 0;
                          },
                          [](const options::VersionRequest&) {
                              app::printVersion();
                              return 0;
                          },
                          [](const options::ListScenariosRequest&) {
                              app::printScenarios();
                              return 0;
                          },
                      },
                      *parsed.command);
}
