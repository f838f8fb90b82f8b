// The readers the flag tables share (internal/value_readers.h).
#include "core/options/internal/value_readers.h"

#include "core/options/values.h"

namespace finwave::options::detail {

namespace {
std::string quoted(std::string_view text) { return "'" + printable(text) + "'"; }
}  // namespace

Refusal readNumber(std::string_view text, double lo, double hi, std::optional<double>& out) {
    const auto v = parseFinite(text);  // nan and inf are not numbers here
    if (!v)
        return quoted(text) + " is not a number";
    if (*v < lo || *v > hi)
        return printable(text) + " is out of range (" + std::to_string(static_cast<long long>(lo)) + " to " +
               std::to_string(static_cast<long long>(hi)) + ")";
    out = *v;
    return std::nullopt;
}

Refusal readWhole(std::string_view text, long long lo, long long hi, std::string_view what, long long& out) {
    const auto v = parseWholeNumber(text, lo, hi);
    if (!v)
        return quoted(text) + " is not " + std::string(what) + " (" + std::to_string(lo) + " to " + std::to_string(hi) + ")";
    out = *v;
    return std::nullopt;
}

Refusal readChoice(std::string_view text, std::initializer_list<std::string_view> choices, std::string_view what,
                   int& index) {
    int i = 0;
    std::string list;
    for (std::string_view c : choices) {
        if (c == text) {
            index = i;
            return std::nullopt;
        }
        list += (i++ ? ", " : "") + std::string(c);
    }
    return quoted(text) + " is not " + std::string(what) + " (" + list + ")";
}

Refusal readConnection(std::string_view text, int& out) {
    long long n = 0;
    if (Refusal bad = readWhole(text, 1, 200'000, "a connection number", n))  // the reader's own limit
        return bad;
    out = static_cast<int>(n);
    return std::nullopt;
}

Refusal readTheme(std::string_view text, std::string& out) {
    int i = 0;
    if (Refusal bad = readChoice(text, {"light", "projector", "high-contrast"}, "a theme", i))
        return bad;
    out = std::string(text);
    return std::nullopt;
}

Refusal readLanguage(std::string_view text, std::string& out) {
    int i = 0;
    if (Refusal bad = readChoice(text, {"en", "zh_CN"}, "a language", i))
        return bad;
    out = std::string(text);
    return std::nullopt;
}

Refusal readStep(std::string_view text, std::optional<std::uint64_t>& out) {
    long long n = 0;
    if (readWhole(text, 0, 1'000'000'000, "a step number", n))
        return quoted(text) + " is not a step number (0 or more)";
    out = static_cast<std::uint64_t>(n);
    return std::nullopt;
}

Refusal setSwitch(bool& flag) {
    flag = true;
    return std::nullopt;
}

Refusal readPath(std::string_view text, std::string& out) {
    if (text.empty())
        return std::string("needs a file name");
    out = std::string(text);
    return std::nullopt;
}

}  // namespace finwave::options::detail
