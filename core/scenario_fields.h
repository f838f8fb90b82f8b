#pragma once
// Inside the core: the scenario reader's field pass (scenario_read.cpp), called by the parser
// (scenario_parse.cpp) once the text passed its budgets and is valid JSON.

#include "core/scenario_io.h"

#include <nlohmann/json.hpp>

namespace finwave {

struct ScenarioFailure {
    ScenarioError e;  // no file, line or column yet: the parser adds them
};

// Throws ScenarioFailure for the first field that is wrong or over a budget.
Scenario readScenarioFields(const nlohmann::json& root);

}  // namespace finwave
