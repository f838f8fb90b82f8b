#include "core/teaching/quiz_score.h"

#include <algorithm>

namespace finwave {

void QuizScore::record(const QuizAnswer& a) {
    if (answered(a.step))
        return;  // stepping back asks again, but the first answer is the one that counts
    m_answers.push_back(a);
    if (a.hinted)
        ++m_hints;
    if (a.correct()) {
        ++m_right;
        ++m_streak;
        m_bestStreak = std::max(m_bestStreak, m_streak);
        m_halfPoints += a.hinted ? 1 : 2;
    } else {
        ++m_wrong;
        m_streak = 0;
    }
}

void QuizScore::clear() { *this = QuizScore(); }

bool QuizScore::answered(std::uint64_t step) const {
    return std::any_of(m_answers.begin(), m_answers.end(), [&](const QuizAnswer& a) { return a.step == step; });
}

std::vector<QuizAnswer> QuizScore::missed() const {
    std::vector<QuizAnswer> out;
    std::copy_if(m_answers.begin(), m_answers.end(), std::back_inserter(out), [](const QuizAnswer& a) { return !a.correct(); });
    return out;
}

}  // namespace finwave
