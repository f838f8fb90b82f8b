#pragma once
// The virtual clock of an animated export: which step and which moment of simulated time each
// frame shows. It is worked out from the run's step times alone, at the pace the window plays
// (play_pace.h), so the same run gives the same frames on any machine and at any load: no wall
// clock is read.

#include "core/protocol/profile.h"

#include <QtGlobal>

#include <vector>

namespace finwave::app {

// The run at one step: when it happened and the round trip of its channels then.
struct StepTiming {
    quint64 step = 0;
    Micros time = 0;
    Micros roundTrip = 0;
};

struct PlannedFrame {
    quint64 step = 0;  // the run stands at this step ...
    Micros time = 0;   // ... and the display clock here, between it and the next step's time
};

struct PlanSettings {
    int fps = 15;
    double speed = 1.0;            // times the window's speed 1
    double holdSeconds = 0.6;      // each step is held this long before time moves on
    double endHoldSeconds = 3.0;   // and the last one this long before the loop starts over
};

struct AnimationPlan {
    std::vector<PlannedFrame> frames;
    int fps = 15;
    double seconds() const { return fps > 0 ? static_cast<double>(frames.size()) / fps : 0; }
};

// `steps` in order, at least one. Each step is held, then time moves to the next step's at the
// window's pace: a segment in flight glides, bands and timers grow, a long idle span is crossed in
// 1.5 s as the window does.
AnimationPlan planAnimation(const std::vector<StepTiming>& steps, const PlanSettings& settings);

// The GIF's frame delays in hundredths of a second: frame i lasts round(100 (i+1) / fps) -
// round(100 i / fps), so the delays add up to the plan's length without drifting.
int gifDelayCentiseconds(int frame, int fps);

}  // namespace finwave::app
