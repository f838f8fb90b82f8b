#include "app/export/animation_plan.h"

#include "app/window/play_pace.h"

#include <algorithm>
#include <cmath>

namespace finwave::app {

namespace {
int framesFor(double seconds, int fps) { return std::max(1, static_cast<int>(std::lround(seconds * fps))); }
}  // namespace

AnimationPlan planAnimation(const std::vector<StepTiming>& steps, const PlanSettings& s) {
    AnimationPlan plan;
    plan.fps = std::max(1, s.fps);
    const double speed = s.speed > 0 ? s.speed : 1.0;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const StepTiming& at = steps[i];
        const bool last = i + 1 == steps.size();
        const int hold = framesFor(last ? s.endHoldSeconds : s.holdSeconds, plan.fps);
        for (int f = 0; f < hold; ++f)
            plan.frames.push_back({at.step, at.time});
        if (last)
            break;
        const Micros gap = std::max<Micros>(0, steps[i + 1].time - at.time);
        if (gap == 0)  // events at the same moment: one after the other, each held
            continue;
        const PlayPace pace = playPace(gap, at.roundTrip);
        const double seconds = static_cast<double>(gap) / pace.simPerSecond / speed;
        const int travel = static_cast<int>(std::lround(seconds * plan.fps));
        // Frames strictly between the two steps; the next step's own frames show its moment.
        for (int f = 1; f < travel; ++f)
            plan.frames.push_back({at.step, at.time + static_cast<Micros>(std::llround(static_cast<double>(gap) * f / travel))});
    }
    return plan;
}

int gifDelayCentiseconds(int frame, int fps) {
    const auto at = [fps](int i) { return std::lround(100.0 * i / fps); };
    return static_cast<int>(at(frame + 1) - at(frame));
}

}  // namespace finwave::app
