#pragma once

#include "core/protocol/scenario.h"

#include <optional>
#include <string_view>
#include <vector>

namespace finwave {

// The built-in scenarios (resources/scenarios/*.json), in the menu's order (docs/protocol.md,
// "Built-in scenarios").
const std::vector<std::string_view>& builtinScenarioNames();
std::optional<Scenario> builtinScenario(std::string_view name);

}  // namespace finwave
