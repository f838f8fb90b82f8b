// The order a quiz shows a question's choices in: one of the attempt's own (quiz.h shuffleChoices).
#include "core/teaching/quiz.h"

#include <cstdint>
#include <utility>
#include <vector>

namespace finwave {

void shuffleChoices(QuizQuestion& q, std::uint64_t attemptSeed) {
    // SplitMix64 (Steele, Lea and Flood 2014) on the seed and the step: a few well-mixed bits per
    // question are all a shuffle of four needs; the engine's generator is for the run's losses.
    std::uint64_t x = attemptSeed ^ (q.step * 0x9E3779B97F4A7C15ull);
    const auto next = [&x] {
        std::uint64_t z = (x += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    };
    const std::size_t n = q.choices.size();
    std::vector<int> order(n);  // order[new place] = old place
    for (std::size_t i = 0; i < n; ++i)
        order[i] = static_cast<int>(i);
    for (std::size_t i = n; i > 1; --i)  // Fisher-Yates
        std::swap(order[i - 1], order[next() % i]);
    std::vector<QuizChoice> choices(n);
    std::vector<int> placeOf(n);
    for (std::size_t i = 0; i < n; ++i) {
        choices[i] = q.choices[static_cast<std::size_t>(order[i])];
        placeOf[static_cast<std::size_t>(order[i])] = static_cast<int>(i);
    }
    q.choices = std::move(choices);
    q.right = placeOf[static_cast<std::size_t>(q.right)];
    for (int& h : q.hintRemoves)
        h = placeOf[static_cast<std::size_t>(h)];
}

}  // namespace finwave
