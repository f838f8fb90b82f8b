#pragma once
// A teacher's quiz settings, read from a scenario file's "quiz" object (docs/quiz.md).

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace finwave {

// The kinds of question: which state an endpoint enters, which segment it sends,
// which timer fires and when, what becomes of a segment that arrives, and what a socket call
// returns to the application.
enum class QuizKind : std::uint8_t { State, Segment, Timer, Arrival, Call };
inline constexpr int kQuizKindCount = 5;
std::string_view quizKindName(QuizKind k);
std::vector<QuizKind> allQuizKinds();  // every kind, in the order above  // "state", "segment", "timer", "arrival", "call"

inline constexpr std::size_t kMaxQuizSteps = 10'000;  // entries of quiz.steps
inline constexpr std::size_t kMaxQuizRuns = 32;       // entries of quiz.runs

struct QuizSettings {
    std::vector<QuizKind> kinds = allQuizKinds();
    std::vector<std::uint64_t> steps;  // the only steps (1-based events) to ask at; empty = every teaching step
    bool lockParams = false;           // no parameter change and no drop during the quiz
    // Further runs of the same quiz, by built-in scenario name, taken after this file's own run.
    std::vector<std::string> runs;

    bool asks(QuizKind k) const;
    bool asksAt(std::uint64_t step) const;
    bool operator==(const QuizSettings&) const = default;
};

}  // namespace finwave
