#pragma once
// Inside the core: the scenario reader's field pass (scenario_fields.cpp), called by the parser
// (scenario_file.cpp) once the text passed its budgets and is valid JSON.

#include "core/scenario/scenario_io.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <optional>
#include <string>

namespace finwave {

struct ScenarioFailure {
    ScenarioError e;  // no file, line or column yet: the parser adds them
};

// Throws ScenarioFailure for the first field that is wrong or over a budget.
Scenario readScenarioFields(const nlohmann::json& root);

// The reader's front half, shared by scenario and lesson files: size and JSON budgets, the
// parser, then `readFields` (which throws ScenarioFailure); the error found, located by line
// and column, or code None.
ScenarioError parseJsonDocument(std::string_view text, std::string_view fileName,
                                const std::function<void(const nlohmann::json&)>& readFields);
// parent[key] as a list of at most `limit` entries; throws ScenarioFailure naming `field`.
const nlohmann::json& boundedList(const nlohmann::json& parent, const char* key, const std::string& field, std::size_t limit);
// At most kMaxScenarioFileBytes + 1 bytes of a file, or nullopt with the error.
std::optional<std::string> readBoundedFile(const std::string& path, ScenarioError& error);

}  // namespace finwave
