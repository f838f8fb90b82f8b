#pragma once
// Internal to core/options: how a command's flags are declared (one table per command) and the one
// loop that reads arguments against such a table.

#include "core/options/command_line.h"
#include "core/scenario/scenario_io.h"  // printable()

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace finwave::options::detail {

// The reason a value is refused, without the flag's name ("'xml' is not a format (text, jsonl)");
// nullopt when the value is taken.
using Refusal = std::optional<std::string>;

// One flag of a command: its name, the value it takes (empty for a switch), one line of help, and
// how its value goes into the command's options.
template <class Options>
struct Flag {
    std::string_view name;       // "--format"
    std::string_view valueName;  // "text|jsonl"; empty: a switch, which takes no value
    std::string_view help;
    Refusal (*read)(Options& options, std::string_view value);
};

// Each command's table (scenario_flags.cpp, trace_flags.cpp, ...), and its reading of the
// arguments after its name: the table, then the checks between flags and of the files named.
std::span<const Flag<ScenarioFlags>> scenarioFlags();
std::span<const Flag<TraceOptions>> traceFlags();
std::span<const Flag<ImportOptions>> importFlags();
std::span<const Flag<ExportOptions>> exportFlags();
std::span<const Flag<ExperimentOptions>> experimentFlags();
std::span<const Flag<LabOptions>> labFlags();
std::span<const Flag<CompareOptions>> compareFlags();
std::span<const Flag<WindowOptions>> windowFlags();
Refusal readTrace(const std::vector<std::string>& args, TraceOptions& options);
Refusal readImport(const std::vector<std::string>& args, ImportOptions& options);
Refusal readExport(const std::vector<std::string>& args, ExportOptions& options);
// export_checks.cpp: every flag given applies to the file asked for (--output's format or
// --handout), and the frame size, steps and output file agree.
Refusal checkExportKinds(const ExportOptions& options);
Refusal readExperiment(const std::vector<std::string>& args, ExperimentOptions& options);
Refusal readLab(const std::vector<std::string>& args, LabOptions& options);
Refusal readCompare(const std::vector<std::string>& args, CompareOptions& options);
Refusal readWindow(const std::vector<std::string>& args, WindowOptions& options);
// The second run's flags (--with, --with-profile, --with-capture, and its connection under
// `connectionFlag`), for `compare` and `export --compare`; and the check that exactly one was given.
Refusal readWithProfile(std::string_view value, std::optional<Profile>& out);
Refusal checkSecondRun(const SecondRun& second, std::string_view connectionFlag);
// --scenario when a command needs one: "is required (...)".
Refusal scenarioRequired(const ScenarioFlags& scenario);

// A refusal naming the flag, for the command: "--format: 'xml' is not a format (text, jsonl)".
inline std::string named(std::string_view flag, const std::string& reason) { return std::string(flag) + ": " + reason; }

// Reads `args` (after the command's name) into `options`: each "--flag value", "--flag=value" or
// "-flag value" (one dash reads as two, as the window always took) against `own`, then against
// the scenario flags when `scenario` is given; a value that starts with '-' is still a value
// ("--delay-ba -3"). A repeated flag takes its last value; every value is checked. `positional`,
// when given, takes the arguments that are not flags (import's FILE); otherwise one is refused.
// Returns the first problem in the order typed: an unknown flag, a missing value, a refused value.
template <class Options>
Refusal readFlags(const std::vector<std::string>& args, std::span<const Flag<Options>> own, Options& options,
                  ScenarioFlags* scenario, Refusal (*positional)(Options&, std::string_view) = nullptr) {
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (arg.size() < 2 || arg[0] != '-') {
            if (!positional)
                return "unexpected argument '" + printable(arg) + "' (see finwave --help)";
            if (Refusal bad = positional(options, arg))
                return bad;
            continue;
        }
        std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
        std::optional<std::string> inlineValue;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            inlineValue = name.substr(eq + 1);
            name.resize(eq);
        }
        name = "--" + name;
        const auto find = [&name](auto table) -> decltype(&table[0]) {
            for (const auto& f : table)
                if (f.name == name)
                    return &f;
            return nullptr;
        };
        const Flag<Options>* mine = find(own);
        const Flag<ScenarioFlags>* shared = mine || !scenario ? nullptr : find(scenarioFlags());
        if (!mine && !shared)
            return "unknown flag '" + printable(inlineValue ? arg.substr(0, arg.find('=')) : arg) + "' (see finwave --help)";
        const bool takesValue = mine ? !mine->valueName.empty() : !shared->valueName.empty();
        std::string value;
        if (!takesValue && inlineValue)
            return named(name, "takes no value");
        if (takesValue) {
            if (inlineValue)
                value = *inlineValue;
            else if (i + 1 < args.size())
                value = args[++i];
            else
                return named(name, "needs a value");
        }
        if (Refusal bad = mine ? mine->read(options, value) : shared->read(*scenario, value))
            return named(name, *bad);
    }
    return std::nullopt;
}

// Help lines of a table: "  --format text|jsonl     how the run is printed".
template <class Options>
std::string helpLines(std::span<const Flag<Options>> table) {
    std::string out;
    for (const auto& f : table) {
        std::string head = "  " + std::string(f.name) + (f.valueName.empty() ? "" : " " + std::string(f.valueName));
        head.resize(std::max<std::size_t>(head.size() + 2, 30), ' ');
        out += head + std::string(f.help) + '\n';
    }
    return out;
}

}  // namespace finwave::options::detail
