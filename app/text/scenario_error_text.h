#pragma once
// A rejected scenario in the user's language: the core's ScenarioError (code, field, values)
// turned into one translated line. The command line keeps the core's English oneLine().

#include <QString>

namespace finwave {
struct ScenarioError;
}

namespace finwave::app {

// "file:line:column: field 'channel.ab.loss': must be between 0 and 1", translated.
QString scenarioErrorText(const ScenarioError& error);
// Only what is wrong, without the file and field: "must be between 0 and 1", translated (the
// scenario editor writes it under the field it is about).
QString scenarioErrorReason(const ScenarioError& error);

}  // namespace finwave::app
