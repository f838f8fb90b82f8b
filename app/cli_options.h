#pragma once

#include "core/scenario.h"

#include <cstdint>
#include <optional>
#include <string>

namespace finwave::app {

// The scenario flags every sub-command shares (DESIGN.md "The command line"):
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

enum class FlagParse { Consumed, NotMine, Error };

// If argv[i] is one of the shared flags, reads it and its value (advancing i past the value) and
// returns Consumed; NotMine leaves i alone. On Error, `error` holds a one-line reason naming the flag
// and its range, e.g. "--loss-ab: 1.5 is out of range (0 to 1)".
FlagParse parseScenarioFlag(int argc, char** argv, int& i, ScenarioOptions& out, std::string& error);

// The loop body every sub-command shares: Consumed -> continue; Error -> the one-line reason is
// printed as "finwave COMMAND: reason" and `status` is 2; NotMine -> the command's own flags.
FlagParse handleScenarioFlag(int argc, char** argv, int& i, ScenarioOptions& out, const char* command, int& status);

// Built-in name or scenario file, then the flags applied on top. On failure `error` holds the
// one-line reason (unknown name with the list of valid names; file:line:column: field: message).
std::optional<Scenario> resolveScenario(const ScenarioOptions& options, std::string& error);

// Before a sub-command starts Qt: the offscreen platform unless one is chosen, and a private
// runtime folder when XDG_RUNTIME_DIR is unset (as under cron or a bare root shell), so Qt has
// nothing to warn about and stderr keeps to the one-line reason.
void prepareHeadlessQt();

}  // namespace finwave::app
