// The work a scenario may ask for, and the one-line form of every scenario error.
#include "core/scenario/scenario_io.h"

#include <array>
#include <cstdio>

namespace finwave {

std::optional<ScenarioError> checkScenarioBudgets(const Scenario& s) {
    const auto over = [](ScenarioErrorCode code, std::string field, std::uint64_t limit, std::uint64_t actual,
                         std::string message) {
        ScenarioError e;
        e.code = code;
        e.field = std::move(field);
        e.limit = limit;
        e.actual = actual;
        e.message = std::move(message);
        return e;
    };
    if (s.actions.size() > kMaxActions)
        return over(ScenarioErrorCode::TooManyActions, "actions", kMaxActions, s.actions.size(),
                    "has " + std::to_string(s.actions.size()) + " entries; the limit is " + std::to_string(kMaxActions));
    if (s.faults.size() > kMaxFaults)
        return over(ScenarioErrorCode::TooManyFaults, "faults", kMaxFaults, s.faults.size(),
                    "has " + std::to_string(s.faults.size()) + " entries; the limit is " + std::to_string(kMaxFaults));
    // 64-bit sums: thousands of sends of 10^9 bytes must not wrap to a small number.
    std::array<std::uint64_t, 2> bytes{};
    std::uint64_t segments = 0;
    const std::uint64_t mss = std::max<std::uint32_t>(1, s.params.mss);
    for (std::size_t i = 0; i < s.actions.size(); ++i) {
        const AppAction& a = s.actions[i];
        if (a.kind != AppAction::Kind::Send)
            continue;
        const std::string field = "actions[" + std::to_string(i) + "].bytes";
        std::uint64_t& sent = bytes[a.side == Side::B ? 1 : 0];
        sent += a.bytes;
        if (sent > kMaxBytesPerEndpoint) {
            ScenarioError e = over(ScenarioErrorCode::TooManyBytes, field, kMaxBytesPerEndpoint, sent,
                                   std::string(sideName(a.side)) + " would send " + std::to_string(sent) +
                                       " bytes in all; the limit is " + std::to_string(kMaxBytesPerEndpoint) +
                                       " per endpoint");
            e.value = std::string(sideName(a.side));
            return e;
        }
        segments += (a.bytes + mss - 1) / mss;
        if (segments > kMaxDataSegmentsPerRun) {
            ScenarioError e = over(ScenarioErrorCode::TooManySegments, field, kMaxDataSegmentsPerRun, segments,
                                   "the sends would cut " + std::to_string(segments) + " data segments at MSS " +
                                       std::to_string(mss) + "; the limit is " +
                                       std::to_string(kMaxDataSegmentsPerRun) + " per run");
            e.value = std::to_string(mss);
            return e;
        }
    }
    return std::nullopt;
}

std::string printable(std::string_view text, std::size_t max) {
    std::string out;
    std::size_t i = 0;
    for (; i < text.size() && out.size() < max; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (i < text.size()) {
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0) == 0x80)
            out.pop_back();  // continuation bytes of a cut character
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0)
            out.pop_back();  // its lead byte
        out += "...";
    }
    return out;
}

std::string ScenarioError::oneLine() const {
    std::string out = file.empty() ? std::string("<scenario>") : printable(file, 4096);
    if (line > 0) out += ":" + std::to_string(line) + ":" + std::to_string(column);
    out += ": ";
    if (!field.empty()) out += "field '" + printable(field, 200) + "': ";
    return out + printable(message, 4096);
}

}  // namespace finwave
