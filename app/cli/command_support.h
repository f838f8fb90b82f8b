#pragma once

#include "core/protocol/scenario.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace finwave::app {

// The scenario flags every sub-command shares (README.md, "The command line"):
// --scenario NAME|FILE --profile rfc|linux --seed N --loss-ab P --loss-ba P
// --delay-ab MS --delay-ba MS --jitter MS
struct ScenarioOptions {
    std::string scenario = "normal-close";
    std::optional<Profile> profile;
    std::optional<std::uint64_t> seed;
    std::optional<double> lossAb, lossBa;          // 0..1
    std::optional<double> delayAbMs, delayBaMs;    // 0..60000
    std::optional<double> jitterMs;                // 0..60000
};

// A command's own flag: "--format" with a value, or "--caption" alone.
struct FlagSpec {
    const char* name;
    bool takesValue;
};

enum class FlagError { None, UnknownFlag, MissingValue, BadValue };

// What QCommandLineParser made of one command's arguments: the shared scenario flags (checked,
// with their one-line reasons) and the command's own flags (every value as given, in order; the
// command checks them). When several arguments are wrong, the first reported is an unknown flag,
// then a missing value, then a bad scenario value.
struct ParsedFlags {
    FlagError error = FlagError::None;
    std::string flag;     // UnknownFlag, MissingValue: the argument as typed ("--frobnicate", "-x")
    std::string message;  // BadValue: "--loss-ab: 1.5 is out of range (0 to 1)"
    ScenarioOptions scenario;
    bool scenarioGiven = false;
    bool has(std::string_view flag) const;
    const std::vector<std::string>& values(std::string_view flag) const;  // empty when not given
    std::vector<std::pair<std::string, std::vector<std::string>>> own;
};

// Parses argv[first..argc) with QCommandLineParser; needs no QCoreApplication.
ParsedFlags parseFlags(int argc, char** argv, int first, std::initializer_list<FlagSpec> own);

bool isScenarioFlag(std::string_view flag);

// The reason every sub-command gives for an unknown flag, a missing value or a bad scenario
// value, or nullopt when there is none: "unknown flag '--x' (see finwave --help)".
std::optional<std::string> commonFlagError(const ParsedFlags& flags);

// Prints "finwave COMMAND: reason" (one line) and returns 2.
int refuse(const char* command, const std::string& reason);

// Built-in name or scenario file, then the flags applied on top. On failure `error` holds the
// one-line reason (unknown name with the list of valid names; file:line:column: field: message).
std::optional<Scenario> resolveScenario(const ScenarioOptions& options, std::string& error);

// Before a sub-command starts Qt: the offscreen platform unless one is chosen, and a private
// runtime folder when XDG_RUNTIME_DIR is unset (as under cron or a bare root shell), so Qt has
// nothing to warn about and stderr keeps to the one-line reason.
void prepareHeadlessQt();

}  // namespace finwave::app
