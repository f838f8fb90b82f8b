#pragma once
// How fast a run plays: the one rule the window's Play (SimController::tick) and an animated
// export's virtual clock (app/export/animation_plan.h) share, so a GIF moves as the window does.

#include "core/protocol/profile.h"

namespace finwave::app {

// Simulated microseconds per real second at speed 1, for a gap of `gap` until the next event when
// the two directions' base delays add to `roundTrip`: one round trip (at least 20 ms) per second;
// an idle span longer than eight round trips is crossed in 1.5 s instead (TIME_WAIT's 240 s stays
// watchable), which `fastForward` reports.
struct PlayPace {
    double simPerSecond = 0;
    bool fastForward = false;
};
PlayPace playPace(Micros gap, Micros roundTrip);

}  // namespace finwave::app
