#pragma once
// What the commands share once their flags are read (core/options/command_line.h): the one-line
// refusal, and Qt set up for a command that draws with no display.

#include <optional>
#include <string>

class QSaveFile;

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

// Opens `path` (checked by core/options: its folder exists, it is a plain file) for writing
// before the work starts, so a folder that takes no new file (/proc) costs nothing; nothing is
// committed until every output is ready. The one-line reason when it cannot be opened.
std::optional<std::string> openCheckedOutput(const char* flag, const std::string& path, QSaveFile& file);

}  // namespace finwave::app
