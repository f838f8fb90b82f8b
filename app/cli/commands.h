#pragma once

#include <optional>

namespace finwave::app {

// Runs a sub-command (trace, export, experiment) or a global flag (--help, --version,
// --list-scenarios) with no display. Returns the exit status, or nothing when the arguments ask
// for the window (no sub-command), in which case main() opens it.
// Exit status: 0 done, 2 bad input or usage (one line on stderr naming the flag, file or field),
// 1 internal failure.
std::optional<int> runCommandLine(int argc, char** argv);

}  // namespace finwave::app
