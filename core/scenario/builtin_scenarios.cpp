// The built-in scenarios: resources/scenarios/*.json, embedded at configure time
// (cmake/EmbedScenarios.cmake) and read with the file reader, so each exists once, as the file a
// user copies. docs/protocol.md says what each one shows.
#include "core/scenario/builtin_scenarios.h"

#include "core/scenario/internal/builtin_texts.h"
#include "core/scenario/scenario_io.h"

#include <cstdio>
#include <cstdlib>
#include <string>

namespace finwave {

namespace {
std::vector<Scenario> build() {
    std::vector<Scenario> all;
    for (std::size_t i = 0; i < detail::kBuiltinTextCount; ++i) {
        const detail::BuiltinText& t = detail::kBuiltinTexts[i];
        ScenarioResult r = parseScenario(t.json, "resources/scenarios/" + std::string(t.name) + ".json");
        if (!r) {  // the tests read every built-in; a file broken since would stop here, named
            std::fprintf(stderr, "finwave: built-in %s\n", r.error.oneLine().c_str());
            std::abort();
        }
        all.push_back(std::move(*r.scenario));
    }
    return all;
}

const std::vector<Scenario>& all() {
    static const std::vector<Scenario> scenarios = build();
    return scenarios;
}
}  // namespace

const std::vector<std::string_view>& builtinScenarioNames() {
    static const std::vector<std::string_view> names = [] {
        std::vector<std::string_view> n;
        for (const Scenario& s : all())
            n.push_back(s.name);
        return n;
    }();
    return names;
}

std::optional<Scenario> builtinScenario(std::string_view name) {
    for (const Scenario& s : all())
        if (s.name == name)
            return s;
    return std::nullopt;
}

}  // namespace finwave
