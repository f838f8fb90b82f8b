#pragma once
// What the commands share once their flags are read (core/options/command_line.h): the one-line
// refusal, and Qt set up for a command that draws with no display.

#include <string>

namespace finwave::app {

// Prints "finwave COMMAND: reason" (one line, control characters escaped) and returns 2.
int refuse(const char* command, const std::string& reason);

// Before a command starts Qt: the offscreen platform unless one is chosen, and a private runtime
// folder when XDG_RUNTIME_DIR is unset (as under cron or a bare root shell), so Qt has nothing to
// warn about and stderr keeps to the one-line reason.
void prepareHeadlessQt();

}  // namespace finwave::app
