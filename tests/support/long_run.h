#pragma once
// A long run for tests and benchmarks of drawing and export: A sends `segments / 2` segments of
// 100 bytes, 120 ms apart (a round trip is 100 ms), B ACKs each at once, then both close as in
// normal-close. About `segments` arrows, paced as in a lesson.
#include "core/scenario/builtin_scenarios.h"
#include "core/scenario/scenario_builder.h"

namespace finwave::testing {

inline Scenario longRun(int segments) {
    Scenario s = *builtinScenario("normal-close");
    s.params.mss = 100;
    const int sends = segments / 2;
    std::vector<AppAction> actions;
    for (int i = 0; i < sends; ++i) {
        actions.push_back(action(Side::A, AppAction::Kind::Send, i * 120 * kMs, AppAction::Trigger::AtTime, 100));
    }
    s.actions.front().delay = sends * 120 * kMs + kSec;  // A closes after the data
    actions.insert(actions.end(), s.actions.begin(), s.actions.end());
    s.actions = actions;
    s.horizon = 24 * 3600 * kSec;
    return s;
}

}  // namespace finwave::testing
