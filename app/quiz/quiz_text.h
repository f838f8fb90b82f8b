#pragma once

#include "core/teaching/quiz.h"
#include "core/teaching/quiz_score.h"

#include <QString>

namespace finwave::app {

// The words of a quiz question, in the current language. Protocol names stay as they are.
QString quizPrompt(const Simulator& sim, const QuizQuestion& q);
QString quizChoiceText(const QuizQuestion& q, const QuizChoice& c);
QString quizKindText(QuizKind kind);
// After the answer: right or wrong, the right answer, the rule in a sentence and its section.
QString quizVerdict(const QuizQuestion& q, int chosen);
QString quizExplanation(const QuizQuestion& q);
QString quizScoreLine(const QuizScore& score);

}  // namespace finwave::app
