// The "quiz" object of a scenario file: which kinds of question, at which steps, whether the
// parameters are locked, and which built-in runs follow (docs/quiz.md).
#include "core/scenario/internal/scenario_quiz.h"

#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/internal/scenario_fields.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace finwave {

using nlohmann::json;
using Code = ScenarioErrorCode;

namespace {

constexpr std::array kKinds{QuizKind::State, QuizKind::Segment, QuizKind::Timer, QuizKind::Arrival, QuizKind::Call};

[[noreturn]] void fail(Code code, std::string field, std::string message, std::string value = {},
                       std::string expected = {}) {
    ScenarioError e;
    e.code = code;
    e.field = std::move(field);
    e.message = std::move(message);
    e.value = std::move(value);
    e.expected = std::move(expected);
    throw ScenarioFailure{std::move(e)};
}

std::string kindList() {
    std::string out;
    for (QuizKind k : kKinds)
        out += (out.empty() ? "" : ", ") + std::string(quizKindName(k));
    return out;
}

std::string builtinList() {
    std::string out;
    for (std::string_view n : builtinScenarioNames())
        out += (out.empty() ? "" : ", ") + std::string(n);
    return out;
}

const json& listOf(const json& quiz, const char* key, std::size_t limit) {
    return boundedList(quiz, key, std::string("quiz.") + key, limit);
}

std::string nameAt(const json& v, const std::string& field) {
    if (!v.is_string())
        fail(Code::NotAString, field, "must be a string");
    return v.get<std::string>();
}

}  // namespace

QuizSettings readQuizSettings(const json& quiz) {
    if (!quiz.is_object())
        fail(Code::NotAnObject, "quiz", "must be an object");
    static constexpr std::array<std::string_view, 4> kFields{"kinds", "steps", "lock_params", "runs"};
    for (const auto& [key, value] : quiz.items())
        if (std::find(kFields.begin(), kFields.end(), key) == kFields.end())
            fail(Code::UnknownField, printable("quiz." + key), "unknown field (expected one of: kinds, steps, lock_params, runs)",
                 {}, "kinds, steps, lock_params, runs");
    QuizSettings s;
    if (quiz.contains("kinds")) {
        const json& kinds = listOf(quiz, "kinds", kKinds.size() * 4);
        s.kinds.clear();
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            const std::string field = "quiz.kinds[" + std::to_string(i) + "]";
            const std::string name = nameAt(kinds[i], field);
            const auto it = std::find_if(kKinds.begin(), kKinds.end(), [&](QuizKind k) { return quizKindName(k) == name; });
            if (it == kKinds.end())
                fail(Code::NotOneOf, field, "'" + printable(name) + "' is not one of: " + kindList(), printable(name), kindList());
            if (!s.asks(*it))
                s.kinds.push_back(*it);
        }
        if (s.kinds.empty())
            fail(Code::MissingField, "quiz.kinds", "is empty (name at least one of: " + kindList() + ")", {}, kindList());
    }
    if (quiz.contains("steps")) {
        const json& steps = listOf(quiz, "steps", kMaxQuizSteps);
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const std::string field = "quiz.steps[" + std::to_string(i) + "]";
            if (!steps[i].is_number())
                fail(Code::NotANumber, field, "must be a number");
            const double d = steps[i].get<double>();
            if (!std::isfinite(d) || d < 1 || d > 1e9 || d != std::floor(d)) {
                ScenarioError e;
                e.code = Code::OutOfRange;
                e.field = field;
                e.low = 1;
                e.high = 1e9;
                e.message = "must be between 1 and 1e+09";
                throw ScenarioFailure{std::move(e)};
            }
            s.steps.push_back(static_cast<std::uint64_t>(d));
        }
        std::sort(s.steps.begin(), s.steps.end());
        s.steps.erase(std::unique(s.steps.begin(), s.steps.end()), s.steps.end());
    }
    if (quiz.contains("lock_params")) {
        if (!quiz.at("lock_params").is_boolean())
            fail(Code::NotABoolean, "quiz.lock_params", "must be true or false");
        s.lockParams = quiz.at("lock_params").get<bool>();
    }
    if (quiz.contains("runs")) {
        const json& runs = listOf(quiz, "runs", kMaxQuizRuns);
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const std::string field = "quiz.runs[" + std::to_string(i) + "]";
            const std::string name = nameAt(runs[i], field);
            if (!builtinScenario(name))
                fail(Code::NotOneOf, field, "'" + printable(name) + "' is not one of: " + builtinList(), printable(name), builtinList());
            s.runs.push_back(name);
        }
    }
    return s;
}

nlohmann::ordered_json quizSettingsJson(const QuizSettings& s) {
    nlohmann::ordered_json j;
    j["kinds"] = nlohmann::ordered_json::array();
    for (QuizKind k : s.kinds)
        j["kinds"].push_back(std::string(quizKindName(k)));
    j["steps"] = s.steps;
    j["lock_params"] = s.lockParams;
    j["runs"] = s.runs;
    return j;
}

}  // namespace finwave
