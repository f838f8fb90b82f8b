// `finwave trace`: a run printed as text or jsonl, and with --pcap written as a capture.
#include "app/cli/command_support.h"
#include "app/cli/commands.h"
#include "core/capture/capture_writer.h"
#include "core/options/scenario_resolve.h"
#include "core/sim/trace_format.h"

#include <QSaveFile>

#include <iostream>
#include <string>

namespace finwave::app {

namespace {
// Through QSaveFile: a failed write leaves no file and no half file.
bool writeAtomically(const std::string& path, const std::string& bytes, std::string& error) {
    QSaveFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(bytes.data(), static_cast<qint64>(bytes.size())) != static_cast<qint64>(bytes.size()) ||
        !file.commit()) {
        error = path + ": " + file.errorString().toStdString();
        return false;
    }
    return true;
}
}  // namespace

int runTrace(const options::TraceOptions& o) {
    std::string error;
    const auto scenario = options::resolveScenario(o.scenario, error);
    if (!scenario)
        return refuse("trace", error);
    Simulator sim(*scenario, SimulatorOptions{true, false});
    sim.runToEnd(10'000'000);
    if (!o.pcap.empty() && !writeAtomically(o.pcap, capture::writeCapture(sim, o.captureOptions()), error))
        return refuse("trace", "--pcap: " + error);
    writeTrace(std::cout, sim, o.format);
    std::cout.flush();
    return std::cout ? 0 : 1;
}

}  // namespace finwave::app
