#pragma once
// The score of one quiz run: right and wrong answers, hints (each costs half a point), the
// current and the best streak of right answers, and the steps of the questions missed.

#include "core/protocol/quiz_settings.h"

#include <cstdint>
#include <vector>

namespace finwave {

struct QuizAnswer {
    std::uint64_t step = 0;
    QuizKind kind = QuizKind::State;
    int chosen = 0;
    int right = 0;
    bool hinted = false;
    bool correct() const { return chosen == right; }
};

class QuizScore {
public:
    // Records an answer; a question answered again (after a step back) replaces its first answer
    // only if it had none: the first answer counts.
    void record(const QuizAnswer& answer);
    void clear();

    int right() const { return m_right; }
    int wrong() const { return m_wrong; }
    int hints() const { return m_hints; }
    int streak() const { return m_streak; }
    int bestStreak() const { return m_bestStreak; }
    int asked() const { return m_right + m_wrong; }
    // Points in halves: a right answer is 2, a right answer after a hint 1, a wrong one 0.
    int halfPoints() const { return m_halfPoints; }
    double points() const { return m_halfPoints / 2.0; }
    bool answered(std::uint64_t step) const;
    const std::vector<QuizAnswer>& answers() const { return m_answers; }
    std::vector<QuizAnswer> missed() const;

private:
    std::vector<QuizAnswer> m_answers;
    int m_right = 0, m_wrong = 0, m_hints = 0, m_streak = 0, m_bestStreak = 0, m_halfPoints = 0;
};

}  // namespace finwave
