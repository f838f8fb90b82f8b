#pragma once
// Internal to core/options: the checks of the files a command names, made before it starts, so a
// path that cannot be used costs nothing and loses nothing.

#include "core/options/internal/flag_table.h"

#include <string>
#include <string_view>

namespace finwave::options::detail {

// An output file: its folder exists, and it is not a folder, a device, a FIFO or a socket (a
// finished file is renamed over the old one, which would replace such a thing).
Refusal checkOutputPath(std::string_view path);
// Whether two paths name the same file (an output over an input, or two outputs in one file).
bool samePath(std::string_view a, std::string_view b);
// A command's table (--csv, required) and its optional chart (--chart): both usable outputs, and
// not one file.
Refusal checkTableAndChart(const std::string& csv, const std::string& chart);
// Whether a path ends in `extension` (".png"), ignoring case.
bool hasExtension(std::string_view path, std::string_view extension);

}  // namespace finwave::options::detail
