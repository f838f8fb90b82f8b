#pragma once

#include "core/scenario.h"

#include <optional>
#include <string_view>
#include <vector>

namespace finwave {

// The twelve built-in scenarios of DESIGN.md, in the order of its table.
const std::vector<std::string_view>& builtinScenarioNames();
std::optional<Scenario> builtinScenario(std::string_view name);

// Switch a scenario to another profile: take that profile's constants, keeping every constant
// the scenario had set differently from its old profile's default.
void applyProfile(Scenario& scenario, Profile profile);

}  // namespace finwave
