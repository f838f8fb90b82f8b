// What a teacher's quiz asks (a scenario file's "quiz" object), as plain data.
#include "core/protocol/quiz_settings.h"

#include <algorithm>

namespace finwave {

std::vector<QuizKind> allQuizKinds() {
    std::vector<QuizKind> all;
    for (int k = 0; k < kQuizKindCount; ++k)
        all.push_back(static_cast<QuizKind>(k));
    return all;
}

std::string_view quizKindName(QuizKind k) {
    switch (k) {
    case QuizKind::State: return "state";
    case QuizKind::Segment: return "segment";
    case QuizKind::Timer: return "timer";
    case QuizKind::Arrival: return "arrival";
    case QuizKind::Call: return "call";
    }
    return "state";
}

bool QuizSettings::asks(QuizKind k) const { return std::find(kinds.begin(), kinds.end(), k) != kinds.end(); }

bool QuizSettings::asksAt(std::uint64_t step) const {
    return steps.empty() || std::find(steps.begin(), steps.end(), step) != steps.end();
}

}  // namespace finwave
