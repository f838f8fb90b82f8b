#include "app/window/play_pace.h"

#include <algorithm>

namespace finwave::app {

namespace {
constexpr double kMinRoundTrip = 20'000.0;   // µs: a faster link still plays at this pace
constexpr double kFastForwardSeconds = 1.5;  // a long idle span is crossed in this real time
constexpr double kIdleRoundTrips = 8.0;      // a gap longer than this many round trips is idle
}  // namespace

PlayPace playPace(Micros gap, Micros roundTrip) {
    const double rtt = std::max(kMinRoundTrip, static_cast<double>(roundTrip));
    const double g = static_cast<double>(gap);
    PlayPace pace;
    pace.fastForward = g > kIdleRoundTrips * rtt;
    pace.simPerSecond = pace.fastForward ? std::max(rtt, g / kFastForwardSeconds) : rtt;
    return pace;
}

}  // namespace finwave::app
