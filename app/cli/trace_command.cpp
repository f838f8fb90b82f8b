// `finwave trace`: a run printed as text or jsonl, and with --pcap written as a capture.
#include "app/cli/command_support.h"
#include "app/io/save_file.h"
#include "app/cli/commands.h"
#include "core/capture/capture_writer.h"
#include "core/options/scenario_resolve.h"
#include "core/sim/trace_format.h"


#include <iostream>
#include <string>

namespace finwave::app {

namespace {
// A failed write (a full disk too) leaves the old file as it was (app/io/save_file.h).
bool writeAtomically(const std::string& path, const std::string& bytes, std::string& error) {
    const QString why = saveFile(QString::fromStdString(path), QByteArray(bytes.data(), static_cast<qsizetype>(bytes.size())));
    error = why.toStdString();
    return why.isEmpty();
}
}  // namespace

int runTrace(const options::TraceOptions& o) {
    std::string error;
    const auto scenario = options::resolveScenario(o.scenario, error);
    if (!scenario)
        return refuse("trace", error);
    Simulator sim(*scenario, SimulatorOptions{true, false});
    sim.runToEnd(10'000'000);
    // The trace first: when standard output cannot take it (a full disk), nothing is committed.
    writeTrace(std::cout, sim, o.format);
    if (const int failed = finishOutput("trace"))
        return failed;
    if (!o.pcap.empty() && !writeAtomically(o.pcap, capture::writeCapture(sim, o.captureOptions()), error))
        return refuse("trace", "--pcap: " + error);
    return 0;
}

}  // namespace finwave::app
