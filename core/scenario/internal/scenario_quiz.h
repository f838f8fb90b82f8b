#pragma once
// Inside the core: reading and writing a scenario file's "quiz" object (docs/quiz.md). Kept apart
// from scenario_fields.cpp and scenario_write.cpp so the other version-2 fields merge cleanly.

#include "core/protocol/quiz_settings.h"

#include <nlohmann/json.hpp>

namespace finwave {

// Throws ScenarioFailure (scenario_fields.h) naming the field ("quiz.kinds[1]") that is wrong.
QuizSettings readQuizSettings(const nlohmann::json& quiz);
nlohmann::ordered_json quizSettingsJson(const QuizSettings& settings);

}  // namespace finwave
