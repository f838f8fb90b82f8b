// The scenario a command's flags name (scenario_resolve.h).
#include "core/options/scenario_resolve.h"

#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_io.h"

#include <cmath>

namespace finwave::options {

namespace {
std::string validNames() {
    std::string out;
    for (auto n : builtinScenarioNames())
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}
}  // namespace

std::optional<Scenario> resolveScenario(const ScenarioFlags& flags, std::string& error) {
    std::optional<Scenario> s = builtinScenario(flags.scenario);
    if (!s) {
        const bool looksLikeFile =
            flags.scenario.find('/') != std::string::npos || flags.scenario.find(".json") != std::string::npos;
        if (!looksLikeFile) {
            error = "--scenario: unknown scenario '" + printable(flags.scenario) + "'; valid names: " + validNames() +
                    " (or a .json file)";
            return std::nullopt;
        }
        ScenarioResult r = readScenarioFile(flags.scenario);
        if (!r) {
            error = r.error.oneLine();
            return std::nullopt;
        }
        s = std::move(r.scenario);
    }
    if (flags.profile)
        applyProfile(*s, *flags.profile);
    if (flags.seed)
        s->seed = *flags.seed;
    const auto us = [](double ms) { return static_cast<Micros>(std::llround(ms * 1000.0)); };
    if (flags.lossAb)
        s->ab.loss = *flags.lossAb;
    if (flags.lossBa)
        s->ba.loss = *flags.lossBa;
    if (flags.delayAbMs)
        s->ab.delay = us(*flags.delayAbMs);
    if (flags.delayBaMs)
        s->ba.delay = us(*flags.delayBaMs);
    if (flags.jitterMs) {
        s->ab.jitter = us(*flags.jitterMs);
        s->ba.jitter = us(*flags.jitterMs);
    }
    return s;
}

}  // namespace finwave::options
