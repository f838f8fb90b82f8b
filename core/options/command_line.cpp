// Which command the arguments ask for, read with that command's table (internal/flag_table.h),
// and the help text written from the same tables.
#include "core/options/command_line.h"

#include "core/options/internal/flag_table.h"
#include "core/options/internal/opened_file.h"

namespace finwave::options {

namespace detail {
Refusal scenarioRequired(const ScenarioFlags& scenario) {
    if (scenario.scenarioGiven)
        return std::nullopt;
    return std::string("--scenario: is required (a built-in name, see finwave --list-scenarios, or a .json file)");
}
}  // namespace detail

namespace {
using detail::Refusal;

template <class Options>
Parsed read(std::string_view prefix, Refusal (*reader)(const std::vector<std::string>&, Options&),
            const std::vector<std::string>& rest) {
    Options options;
    if (Refusal bad = reader(rest, options))
        return {std::nullopt, std::string(prefix) + ": " + *bad};
    return {Command(std::move(options)), {}};
}

// --help, --version and --list-scenarios take nothing else.
template <class Request>
Parsed alone(const std::vector<std::string>& args) {
    if (args.size() > 1)
        return {std::nullopt, "finwave: " + args[0] + ": unexpected argument '" + printable(args[1]) + "' (see finwave --help)"};
    return {Command(Request{}), {}};
}
}  // namespace

Parsed parseCommandLine(const std::vector<std::string>& args) {
    const std::string first = args.empty() ? std::string() : args[0];
    const std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
    if (first == "--help" || first == "-h")
        return alone<HelpRequest>(args);
    if (first == "--version")
        return alone<VersionRequest>(args);
    if (first == "--list-scenarios")
        return alone<ListScenariosRequest>(args);
    if (first == "trace")
        return read<TraceOptions>("finwave trace", detail::readTrace, rest);
    if (first == "import")
        return read<ImportOptions>("finwave import", detail::readImport, rest);
    if (first == "export")
        return read<ExportOptions>("finwave export", detail::readExport, rest);
    if (first == "experiment")
        return read<ExperimentOptions>("finwave experiment", detail::readExperiment, rest);
    if (first == "lab")
        return read<LabOptions>("finwave lab", detail::readLab, rest);
    if (first == "compare")
        return read<CompareOptions>("finwave compare", detail::readCompare, rest);
    if (!first.empty() && first[0] != '-' && !detail::looksLikeFile(first))
        return {std::nullopt, "finwave: unknown command '" + printable(first) +
                                  "' (trace, export, experiment, import, lab, compare; see finwave --help)"};
    return read<WindowOptions>("finwave", detail::readWindow, args);
}

std::string helpText() {
    using namespace detail;
    std::string h = R"(FinWave: see how a TCP connection closes (RFC 9293), step by step.

Usage:
  finwave [--scenario NAME|FILE] [window options]
      Open the window: on a scenario, a lesson, a capture, or in quiz mode.
  finwave FILE [window options]
      Open the window on FILE: a scenario or a lesson (.json) or a capture (.pcap, .pcapng),
      told apart by its content, as a file manager's "Open with FinWave" does.
  finwave trace --scenario NAME|FILE [scenario options] [trace options]
      Run a scenario to the end and print every event; --pcap also writes it as a capture.
  finwave import FILE.pcap|FILE.pcapng [import options]
      Read a capture: list its TCP connections, or show one as a run with both ends' states
      reconstructed and the teardown explained.
  finwave export --scenario NAME|FILE [scenario options] --output FILE [export options]
  finwave export --capture FILE [--connection N] --output FILE [export options]
      Draw a diagram into a file; needs no display.
  finwave experiment --scenario NAME|FILE --sweep loss=FROM:TO:STEP --runs N --csv FILE [options]
      Loss sweep over many runs. CSV columns: loss, runs, closed_runs, median_close_s,
      p95_close_s, mean_retransmissions, share_graceful, share_reset, share_gave_up, share_other.
  finwave lab [lab options] --csv FILE [--chart FILE.png|.svg]
      The server lab: connections from clients to a server, each closed by the engine, through
      Linux's port choice and TIME_WAIT rules. CSV columns: t_s, new, eaddrnotavail, rst,
      tw_recycled, tw_overflow_client, tw_overflow_server, tw_reopened, time_wait_client,
      time_wait_server, other_client, other_server, ports_in_use, kernel_bytes.
  finwave compare --scenario NAME|FILE [scenario options] --with NAME|FILE | --with-profile rfc|linux
                  | --with-capture FILE [--connection N] [compare options]
      Two runs paired event by event: the first difference, the time shift of each pair, the
      events only one run has. Exit status 0 when they match, 1 when they differ.
  finwave --list-scenarios | --help | --version

Scenario options (the window, trace, export, experiment, compare):
)";
    h += helpLines(scenarioFlags());
    h += "\nWindow options:\n" + helpLines(windowFlags());
    h += "\ntrace options:\n" + helpLines(traceFlags());
    h += "\nimport options:\n" + helpLines(importFlags());
    h += "\nexport options:\n" + helpLines(exportFlags());
    h += "\nexperiment options:\n" + helpLines(experimentFlags());
    h += "\nlab options:\n" + helpLines(labFlags());
    h += "\ncompare options:\n" + helpLines(compareFlags());
    h += "\nExit status: 0 done (compare: the runs match), 2 bad input (one line on stderr names the flag, file or\n"
         "field), 1 failure (compare: the runs differ).\n";
    return h;
}

}  // namespace finwave::options
