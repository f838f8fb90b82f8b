#include "core/options/values.h"

#include "core/scenario/scenario_io.h"  // printable()

#include <charconv>
#include <cmath>

namespace finwave {

std::optional<double> parseFinite(std::string_view text) {
    double v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
        return std::nullopt;
    return v;
}

std::optional<long long> parseWholeNumber(std::string_view text, long long lo, long long hi) {
    const auto v = parseFinite(text);
    // Compared as doubles first: casting 1e300 to an integer is undefined behaviour.
    if (!v || *v < static_cast<double>(lo) || *v > static_cast<double>(hi) || std::trunc(*v) != *v)
        return std::nullopt;
    return static_cast<long long>(*v);
}

std::optional<SweepSpec> parseSweepSpec(std::string_view text, std::string& error) {
    constexpr std::string_view prefix = "loss=";
    double v[3] = {0, 0, 0};
    std::string_view rest = text;
    bool ok = rest.substr(0, prefix.size()) == prefix;
    rest.remove_prefix(ok ? prefix.size() : 0);
    for (int k = 0; ok && k < 3; ++k) {
        const auto colon = rest.find(':');
        const auto number = parseFinite(rest.substr(0, colon));
        ok = number && (k == 2) == (colon == std::string_view::npos);
        v[k] = number.value_or(0);
        rest.remove_prefix(colon == std::string_view::npos ? rest.size() : colon + 1);
    }
    if (!ok || v[0] < 0 || v[1] > 1 || v[0] > v[1] || !(v[2] > 0)) {
        error = "--sweep: '" + printable(text) + "' must be loss=FROM:TO:STEP with 0 <= FROM <= TO <= 1, STEP > 0";
        return std::nullopt;
    }
    const auto levels = lossLevelCount(v[0], v[1], v[2]);
    if (!levels) {
        error = "--sweep: '" + printable(text) + "' makes more than " + std::to_string(kMaxLossLevels) +
                " loss levels, the limit (a STEP of 0.001 from 0 to 1 is the finest)";
        return std::nullopt;
    }
    return SweepSpec{v[0], v[1], v[2], *levels};
}

std::optional<std::string> sweepSizeError(int levels, long long runs) {
    const long long total = static_cast<long long>(levels) * runs;  // both bounded: no overflow
    if (total <= kMaxSweepRuns)
        return std::nullopt;
    return "--runs: " + std::to_string(levels) + " loss levels x " + std::to_string(runs) + " runs = " +
           std::to_string(total) + " runs, more than the limit of " + std::to_string(kMaxSweepRuns) + " per sweep";
}

}  // namespace finwave
