#pragma once
// Internal to core/options: a file named on the window's command line without a flag (`finwave
// FILE`, as a desktop's "Open with FinWave" runs it), told apart by its content and handed to the
// flag that opens its kind, so it is opened exactly as --scenario, --lesson or --capture would.

#include "core/options/internal/flag_table.h"

#include <string>
#include <string_view>

namespace finwave::options::detail {

enum class OpenedKind { Scenario, Lesson, Capture };

// A capture by its first four bytes (pcap in either byte order and resolution, or pcapng), a
// lesson by its top key "lesson", anything else a scenario; a file that cannot be read goes by
// its extension (.pcap, .pcapng, .cap), so the reader of its kind names the problem.
OpenedKind openedFileKind(const std::string& path);

// Whether the first argument names a file to open rather than a command: it exists, or it has a
// '/' or a '.' in it, which no command's name has (so `finwave bogus` stays an unknown command).
bool looksLikeFile(std::string_view argument);

// The window's positional argument: one FILE, kept in WindowOptions::file.
Refusal readOpenedPath(WindowOptions& options, std::string_view path);

// Moves WindowOptions::file to the flag of its kind; refused when that flag names a file too.
Refusal dispatchOpenedFile(WindowOptions& options);

}  // namespace finwave::options::detail
