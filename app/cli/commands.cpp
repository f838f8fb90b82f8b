#include "app/cli/commands.h"

#include "app/cli/trace_command.h"
#include "core/scenario/builtin_scenarios.h"

#include <cstdio>
#include <string_view>

namespace finwave::app {

int runExport(int argc, char** argv);      // export_command.cpp
int runExperiment(int argc, char** argv);  // experiment_command.cpp
int runImport(int argc, char** argv);      // import_command.cpp

namespace {
constexpr const char* kHelp = R"(FinWave: see how a TCP connection closes (RFC 9293), step by step.

Usage:
  finwave [--scenario NAME|FILE] [--profile rfc|linux] [--theme light|projector] [--lang en|zh_CN]
          [--lesson FILE [--lesson-page N]] [--capture FILE [--connection N]] [--quiz]
      Open the window: on a scenario, a lesson (an ordered list of scenarios, paged with
      Page Down / Page Up), a capture, or in quiz mode.
  finwave trace --scenario NAME|FILE [scenario options] [--format text|jsonl]
                [--pcap FILE.pcapng|FILE.pcap [--vantage A|B] [--link ethernet|raw]]
      Run a scenario to the end and print every event; --pcap also writes the run as a
      capture taken at endpoint A (default) or B, for Wireshark.
  finwave import FILE.pcap|FILE.pcapng [--list] [--connection N] [--format text|jsonl]
      Read a capture (libpcap): list its TCP connections, or show one as a run with both
      ends' states reconstructed and the teardown explained.
  finwave export --scenario NAME|FILE [scenario options] --view sequence|states|both
                 --output FILE.png|.svg|.pdf [--scale K] [--lang en|zh_CN] [--theme light|projector]
                 [--fit 4k|fhd|WxH] [--step N] [--transparent] [--caption] [--whole-figure]
  finwave export --capture FILE.pcap|FILE.pcapng [--connection N] --view ... --output ...
      Draw a diagram into a file; needs no display. --fit cuts a long diagram into
      columns to fill a slide (a PNG is then exactly that size); it replaces --scale.
      An SVG stays one column. --whole-figure draws all eleven states of the state graph, not
      only the part of RFC 9293 Figure 5 the run is in.
  finwave experiment --scenario NAME|FILE --sweep loss=FROM:TO:STEP --runs N [--threads N]
                 [--seed N] --csv FILE [--chart FILE.png|.svg]
      Loss sweep over many runs. CSV columns: loss, runs, closed_runs, median_close_s,
      p95_close_s, mean_retransmissions, share_graceful, share_reset, share_gave_up, share_other.
  finwave --list-scenarios | --help | --version

Scenario options:
  --profile rfc|linux   protocol constants (RFC 9293 / Linux 6.x)
  --seed N              seed of the random loss and jitter
  --loss-ab P, --loss-ba P     loss probability per direction, 0 to 1
  --delay-ab MS, --delay-ba MS one-way delay per direction, 0 to 60000 ms
  --jitter MS           extra random delay, 0 to 60000 ms

Exit status: 0 done, 2 bad input (one line on stderr names the flag, file or field), 1 failure.
)";
}  // namespace

std::optional<int> runCommandLine(int argc, char** argv) {
    if (argc < 2)
        return std::nullopt;
    const std::string_view first = argv[1];
    if (first == "--version") {
        std::printf("finwave %s\n", FINWAVE_VERSION);
        return 0;
    }
    if (first == "--help" || first == "-h") {
        std::fputs(kHelp, stdout);
        return 0;
    }
    if (first == "--list-scenarios") {
        for (auto name : builtinScenarioNames())
            std::printf("%-20s %s\n", std::string(name).c_str(), builtinScenario(name)->description.c_str());
        return 0;
    }
    if (first == "trace")
        return runTrace(argc, argv);
    if (first == "export")
        return runExport(argc, argv);
    if (first == "experiment")
        return runExperiment(argc, argv);
    if (first == "import")
        return runImport(argc, argv);
    if (!first.empty() && first[0] != '-') {
        std::fprintf(stderr, "finwave: unknown command '%s' (trace, export, experiment, import; see finwave --help)\n",
                     argv[1]);
        return 2;
    }
    return std::nullopt;  // window options: the window parses them
}

}  // namespace finwave::app
