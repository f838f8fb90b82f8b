#pragma once

#include "core/scenario.h"

#include <optional>
#include <string>
#include <string_view>

namespace finwave {

// Where and why a scenario file was rejected. line/column are 1-based; 0 when unknown.
struct ScenarioError {
    std::string file;
    int line = 0;
    int column = 0;
    std::string field;    // JSON path of the offending field: "channel.ab.loss"
    std::string message;  // what is wrong with it: "must be between 0 and 1"
    // "file:line:column: field 'channel.ab.loss': must be between 0 and 1"
    std::string oneLine() const;
};

struct ScenarioResult {
    std::optional<Scenario> scenario;
    ScenarioError error;
    explicit operator bool() const { return scenario.has_value(); }
};

inline constexpr int kScenarioFormatVersion = 1;

ScenarioResult parseScenario(std::string_view json, std::string_view fileName);
ScenarioResult readScenarioFile(const std::string& path);
std::string writeScenario(const Scenario& scenario);  // pretty JSON with every field

}  // namespace finwave
