#include "app/cli/trace_command.h"

#include "app/cli/command_support.h"
#include "core/capture/capture_writer.h"
#include "core/scenario/scenario_io.h"
#include "core/sim/trace_format.h"

#include <QSaveFile>

#include <iostream>
#include <string>
#include <string_view>

namespace finwave::app {

namespace {
bool endsWith(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// --pcap FILE [--vantage A|B] [--link ethernet|raw]: the options, or a one-line reason.
std::optional<capture::WriteOptions> captureOptions(const ParsedFlags& flags, std::string& error) {
    capture::WriteOptions o;
    const std::string& path = flags.values("--pcap").back();
    if (endsWith(path, ".pcapng"))
        o.format = capture::CaptureFormat::Pcapng;
    else if (endsWith(path, ".pcap"))
        o.format = capture::CaptureFormat::Pcap;
    else {
        error = "--pcap: '" + printable(path) + "' must end in .pcapng or .pcap";
        return std::nullopt;
    }
    for (const std::string& v : flags.values("--vantage")) {
        if (v == "A" || v == "a")
            o.vantage = Side::A;
        else if (v == "B" || v == "b")
            o.vantage = Side::B;
        else {
            error = "--vantage: '" + printable(v) + "' is not an endpoint (A, B)";
            return std::nullopt;
        }
    }
    for (const std::string& v : flags.values("--link")) {
        if (v == "ethernet")
            o.link = capture::LinkType::Ethernet;
        else if (v == "raw")
            o.link = capture::LinkType::RawIp;
        else {
            error = "--link: '" + printable(v) + "' is not a link type (ethernet, raw)";
            return std::nullopt;
        }
    }
    return o;
}

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

int runTrace(int argc, char** argv) {
    const ParsedFlags flags = parseFlags(argc, argv, 2, {{"--format", true}, {"--pcap", true}, {"--vantage", true}, {"--link", true}});
    if (flags.error == FlagError::MissingValue && flags.flag == "--format")
        return refuse("trace", "--format: needs a value (text, jsonl)");
    for (const char* f : {"--pcap", "--vantage", "--link"})
        if (flags.error == FlagError::MissingValue && flags.flag == f)
            return refuse("trace", std::string(f) + ": needs a value");
    if (const auto reason = commonFlagError(flags))
        return refuse("trace", *reason);
    std::optional<capture::WriteOptions> pcap;
    if (flags.has("--pcap")) {
        std::string why;
        pcap = captureOptions(flags, why);
        if (!pcap)
            return refuse("trace", why);
    } else if (flags.has("--vantage") || flags.has("--link")) {
        return refuse("trace", "--vantage and --link need --pcap FILE");
    }
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
    if (pcap) {
        std::string why;
        if (!writeAtomically(flags.values("--pcap").back(), capture::writeCapture(sim, *pcap), why))
            return refuse("trace", why);
    }
    writeTrace(std::cout, sim, format);
    std::cout.flush();
    return std::cout ? 0 : 1;
}

}  // namespace finwave::app
