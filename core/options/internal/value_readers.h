#pragma once
// Internal to core/options: the readers the flag tables share, each giving the reason a value is
// refused in the same words for every flag.

#include "core/options/internal/flag_table.h"

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace finwave::options::detail {

// A finite number in lo..hi: "'x' is not a number", "1.5 is out of range (0 to 1)".
Refusal readNumber(std::string_view text, double lo, double hi, std::optional<double>& out);
// A whole number in lo..hi (also written as 1e3): "'x' is not <what> (lo to hi)".
Refusal readWhole(std::string_view text, long long lo, long long hi, std::string_view what, long long& out);
// One of `choices`, by its index: "'x' is not <what> (a, b)".
Refusal readChoice(std::string_view text, std::initializer_list<std::string_view> choices, std::string_view what,
                   int& index);
// The connection number of a capture (1 or more), for --connection wherever it is taken.
Refusal readConnection(std::string_view text, int& out);
// The values several commands share, refused in the same words everywhere.
Refusal readTheme(std::string_view text, std::string& out);     // light, projector, high-contrast
Refusal readLanguage(std::string_view text, std::string& out);  // en, zh_CN
Refusal readStep(std::string_view text, std::optional<std::uint64_t>& out);  // 0 or more
Refusal setSwitch(bool& flag);                                  // a flag that takes no value
// A file path: anything but empty.
Refusal readPath(std::string_view text, std::string& out);

}  // namespace finwave::options::detail
