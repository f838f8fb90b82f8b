#pragma once
// The scenario a command's flags name: a built-in or a file, with the flags applied on top.

#include "core/options/command_line.h"
#include "core/protocol/scenario.h"

#include <optional>
#include <string>

namespace finwave::options {

// Built-in name or scenario file, then --profile, --seed, --loss-*, --delay-* and --jitter on
// top. On failure `error` holds the one-line reason (an unknown name with the list of valid names;
// file:line:column: field: message for a file).
std::optional<Scenario> resolveScenario(const ScenarioFlags& flags, std::string& error);

}  // namespace finwave::options
