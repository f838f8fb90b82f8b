// The quiz object of a scenario file: round trip, version 2 with version 1 still read, and every
// bad field refused with its name, line and column (docs/quiz.md).
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_io.h"

#include <gtest/gtest.h>

#include <string>

namespace finwave {
namespace {

TEST(ScenarioQuiz, QuizSettingsSurviveWritingAndReadingTheFile) {
    Scenario s = *builtinScenario("normal-close");
    QuizSettings q;
    q.kinds = {QuizKind::Timer, QuizKind::State};
    q.steps = {3, 7, 12};
    q.lockParams = true;
    q.runs = {"simultaneous-close", "half-close"};
    s.quiz = q;
    const std::string text = writeScenario(s);
    EXPECT_NE(text.find("\"version\": 2"), std::string::npos) << text;
    const ScenarioResult r = parseScenario(text, "quiz.json");
    ASSERT_TRUE(r) << r.error.oneLine();
    ASSERT_TRUE(r.scenario->quiz.has_value());
    EXPECT_EQ(*r.scenario->quiz, q);
    EXPECT_EQ(r.scenario->version, 2);
    EXPECT_EQ(writeScenario(*r.scenario), text);
}

TEST(ScenarioQuiz, AFileWithoutAQuizIsStillWrittenAsVersion1AndBothVersionsAreRead) {
    const Scenario s = *builtinScenario("normal-close");
    const std::string text = writeScenario(s);
    EXPECT_NE(text.find("\"version\": 1"), std::string::npos);
    EXPECT_FALSE(parseScenario(text, "v1.json").scenario->quiz.has_value());
    const ScenarioResult v2 = parseScenario(R"({"version": 2, "quiz": {}})", "v2.json");
    ASSERT_TRUE(v2) << v2.error.oneLine();
    EXPECT_EQ(*v2.scenario->quiz, QuizSettings{});  // every kind, every step, unlocked
}

TEST(ScenarioQuiz, BadQuizFieldsAreRefusedWithTheirNames) {
    struct Case {
        const char* json;
        const char* field;
        ScenarioErrorCode code;
    } cases[] = {
        {R"({"version": 2, "quiz": []})", "quiz", ScenarioErrorCode::NotAnObject},
        {R"({"version": 2, "quiz": {"colour": 1}})", "quiz.colour", ScenarioErrorCode::UnknownField},
        {R"({"version": 2, "quiz": {"kinds": ["state", "guess"]}})", "quiz.kinds[1]", ScenarioErrorCode::NotOneOf},
        {R"({"version": 2, "quiz": {"kinds": []}})", "quiz.kinds", ScenarioErrorCode::MissingField},
        {R"({"version": 2, "quiz": {"kinds": "state"}})", "quiz.kinds", ScenarioErrorCode::NotAList},
        {R"({"version": 2, "quiz": {"steps": [1, 0]}})", "quiz.steps[1]", ScenarioErrorCode::OutOfRange},
        {R"({"version": 2, "quiz": {"steps": [2.5]}})", "quiz.steps[0]", ScenarioErrorCode::OutOfRange},
        {R"({"version": 2, "quiz": {"steps": ["3"]}})", "quiz.steps[0]", ScenarioErrorCode::NotANumber},
        {R"({"version": 2, "quiz": {"lock_params": "yes"}})", "quiz.lock_params", ScenarioErrorCode::NotABoolean},
        {R"({"version": 2, "quiz": {"runs": ["no-such-run"]}})", "quiz.runs[0]", ScenarioErrorCode::NotOneOf},
        {R"({"version": 2, "quiz": {"runs": [3]}})", "quiz.runs[0]", ScenarioErrorCode::NotAString},
    };
    for (const Case& c : cases) {
        const ScenarioResult r = parseScenario(c.json, "bad.json");
        ASSERT_FALSE(r) << c.json;
        EXPECT_EQ(r.error.field, c.field) << c.json;
        EXPECT_EQ(r.error.code, c.code) << c.json << ": " << r.error.oneLine();
        EXPECT_NE(r.error.oneLine().find(std::string("field '") + c.field + "'"), std::string::npos) << r.error.oneLine();
    }
}

TEST(ScenarioQuiz, ABadQuizFieldIsFoundAtItsLineAndColumn) {
    const ScenarioResult r = parseScenario("{\"version\": 2,\n \"quiz\": {\n  \"lock_params\": 1}}", "lock.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.line, 3);
    EXPECT_GT(r.error.column, 0);
    EXPECT_NE(r.error.oneLine().find("lock.json:3:"), std::string::npos) << r.error.oneLine();
}

TEST(ScenarioQuiz, TooManyQuizStepsAreRefusedBeforeTheyAreRead) {
    std::string text = R"({"version": 2, "quiz": {"steps": [)";
    for (std::size_t i = 0; i <= kMaxQuizSteps; ++i)
        text += (i ? "," : "") + std::to_string(i + 1);
    text += "]}}";
    const ScenarioResult r = parseScenario(text, "many.json");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error.field, "quiz.steps");
    EXPECT_EQ(r.error.code, ScenarioErrorCode::ListTooLong);
}

TEST(ScenarioQuiz, TheShippedQuizzesReadAndCoverTheirRuns) {
    const std::string dir = std::string(FINWAVE_SOURCE_DIR) + "/resources/quizzes/";
    for (const char* file : {"closing-states.json", "when-things-go-wrong.json"}) {
        const ScenarioResult r = readScenarioFile(dir + file);
        ASSERT_TRUE(r) << r.error.oneLine();
        ASSERT_TRUE(r.scenario->quiz.has_value()) << file;
        EXPECT_TRUE(r.scenario->quiz->lockParams) << file;
        EXPECT_GE(r.scenario->quiz->runs.size(), 2u) << file;
    }
}

}  // namespace
}  // namespace finwave
