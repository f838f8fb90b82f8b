// The flags every command that runs a scenario shares, declared once.
#include "core/options/internal/value_readers.h"

#include <charconv>

namespace finwave::options {

bool ScenarioFlags::anyGiven() const {
    return scenarioGiven || profile || seed || lossAb || lossBa || delayAbMs || delayBaMs || jitterMs;
}

namespace detail {
namespace {
constexpr double kMaxDelayMs = 60000;  // as a scenario file's channel.*.delay_ms (scenario_rules.h)

using S = ScenarioFlags;
constexpr Flag<S> kScenarioFlags[] = {
    {"--scenario", "NAME|FILE", "a built-in scenario (finwave --list-scenarios) or a scenario file",
     +[](S& o, std::string_view v) -> Refusal {
         if (v.empty())
             return std::string("needs a built-in name or a .json file");
         o.scenario = std::string(v);
         o.scenarioGiven = true;
         return std::nullopt;
     }},
    {"--profile", "rfc|linux", "protocol constants: RFC 9293, or Linux 6.x",
     +[](S& o, std::string_view v) -> Refusal {
         int i = 0;
         if (Refusal bad = readChoice(v, {"rfc", "linux"}, "a profile", i))
             return bad;
         o.profile = i == 0 ? Profile::Rfc : Profile::Linux;
         return std::nullopt;
     }},
    {"--seed", "N", "seed of the random loss and jitter (0 to 18446744073709551615)",
     +[](S& o, std::string_view v) -> Refusal {
         std::uint64_t seed = 0;
         const auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), seed);
         if (ec != std::errc() || ptr != v.data() + v.size() || v.empty())
             return "'" + printable(v) + "' is not a whole number (0 to 18446744073709551615)";
         o.seed = seed;
         return std::nullopt;
     }},
    {"--loss-ab", "P", "loss probability from A to B, 0 to 1",
     +[](S& o, std::string_view v) { return readNumber(v, 0, 1, o.lossAb); }},
    {"--loss-ba", "P", "loss probability from B to A, 0 to 1",
     +[](S& o, std::string_view v) { return readNumber(v, 0, 1, o.lossBa); }},
    {"--delay-ab", "MS", "one-way delay from A to B, 0 to 60000 ms",
     +[](S& o, std::string_view v) { return readNumber(v, 0, kMaxDelayMs, o.delayAbMs); }},
    {"--delay-ba", "MS", "one-way delay from B to A, 0 to 60000 ms",
     +[](S& o, std::string_view v) { return readNumber(v, 0, kMaxDelayMs, o.delayBaMs); }},
    {"--jitter", "MS", "extra random delay both ways, 0 to 60000 ms",
     +[](S& o, std::string_view v) { return readNumber(v, 0, kMaxDelayMs, o.jitterMs); }},
};
}  // namespace

std::span<const Flag<ScenarioFlags>> scenarioFlags() { return kScenarioFlags; }
}  // namespace detail

}  // namespace finwave::options
