#pragma once

#include "core/protocol/scenario.h"

#include <optional>
#include <string_view>
#include <vector>

namespace finwave {

// The built-in scenarios, in a fixed order (docs/protocol.md, "Built-in scenarios").
const std::vector<std::string_view>& builtinScenarioNames();
std::optional<Scenario> builtinScenario(std::string_view name);

// Switch a scenario to another profile: take that profile's constants, keeping every constant
// the scenario had set differently from its old profile's default.
void applyProfile(Scenario& scenario, Profile profile);
// The constants of `profile`, keeping each one `params` set differently from its own profile's default.
ProtocolParams withProfile(const ProtocolParams& params, Profile profile);

}  // namespace finwave
