#pragma once
// What the commands share once their flags are read (core/options/command_line.h): the one-line
// refusal, and Qt set up for a command that draws with no display.

#include <string>

namespace finwave::app {

// Prints "finwave COMMAND: reason" (one line, control characters escaped) and returns 2.
int refuse(const char* command, const std::string& reason);

// The end of a command that printed to standard output: flushed and checked, so a full disk or a
// closed pipe is said in one line ("finwave COMMAND: standard output: ...") with exit 1, not a
// silent 1. Returns 0 when everything printed was written.
int finishOutput(const char* command);

// Before a command starts Qt: the offscreen platform unless one is chosen, and a private runtime
// folder when XDG_RUNTIME_DIR is unset (as under cron or a bare root shell), so Qt has nothing to
// warn about and stderr keeps to the one-line reason.
void prepareHeadlessQt();

}  // namespace finwave::app
