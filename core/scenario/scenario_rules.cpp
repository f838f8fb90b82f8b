// The shared checks of scenario numbers (scenario_rules.h).
#include "core/scenario/scenario_rules.h"

#include <charconv>
#include <cmath>
#include <sstream>

namespace finwave {

std::optional<ScenarioError> checkNumber(std::string field, double value, NumberRule r) {
    if (std::isfinite(value) && value >= r.low && value <= r.high)
        return std::nullopt;
    std::ostringstream s;
    s << "must be between " << r.low << " and " << r.high;
    ScenarioError e;
    e.code = ScenarioErrorCode::OutOfRange;
    e.field = std::move(field);
    e.message = s.str();
    e.low = r.low;
    e.high = r.high;
    return e;
}

ScenarioError notANumber(std::string field) {
    ScenarioError e;
    e.code = ScenarioErrorCode::NotANumber;
    e.field = std::move(field);
    e.message = "must be a number";
    return e;
}

namespace {
// JSON's number grammar (RFC 8259 §6): -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?.
// std::from_chars alone would also take "inf", "nan", hex digits and "1." which a file may not hold.
bool isJsonNumber(std::string_view t) {
    std::size_t i = 0;
    const auto digits = [&] {
        const std::size_t from = i;
        while (i < t.size() && t[i] >= '0' && t[i] <= '9')
            ++i;
        return i > from;
    };
    if (i < t.size() && t[i] == '-')
        ++i;
    if (i < t.size() && t[i] == '0')
        ++i;
    else if (!digits())
        return false;
    if (i < t.size() && t[i] == '.') {
        ++i;
        if (!digits())
            return false;
    }
    if (i < t.size() && (t[i] == 'e' || t[i] == 'E')) {
        ++i;
        if (i < t.size() && (t[i] == '+' || t[i] == '-'))
            ++i;
        if (!digits())
            return false;
    }
    return i == t.size();
}
}  // namespace

NumberEntry readNumberText(std::string field, std::string_view text, NumberRule r) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    NumberEntry out;
    if (!isJsonNumber(text)) {
        out.error = notANumber(std::move(field));
        return out;
    }
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out.value);
    if (ec == std::errc::result_out_of_range) {
        // Too small for a double reads as 0; too large is out of every range.
        const auto e = text.find_first_of("eE");
        const bool tiny = e != std::string_view::npos && e + 1 < text.size() && text[e + 1] == '-';
        out.value = tiny ? 0.0 : (text.front() == '-' ? -HUGE_VAL : HUGE_VAL);
    } else if (end != text.data() + text.size()) {
        out.error = notANumber(std::move(field));
        return out;
    }
    out.error = checkNumber(std::move(field), out.value, r);
    return out;
}

Micros microsFromMillis(double ms) { return static_cast<Micros>(std::llround(ms * 1000.0)); }

std::optional<ScenarioError> checkRtoOrder(const ProtocolParams& p, std::string field) {
    if (p.rtoMin <= p.rtoMax)
        return std::nullopt;
    ScenarioError e;
    e.code = ScenarioErrorCode::RtoMinAboveMax;
    e.field = std::move(field);
    e.message = "must not exceed rto_max_ms";
    return e;
}

}  // namespace finwave
