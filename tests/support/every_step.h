#pragma once
// Runs a loaded scenario to its end to learn how many steps it has, then visits every step from
// the start (0) to the end, calling `visit(step)` with the controller at that step.

#include "app/window/sim_controller.h"

#include <cstdint>

namespace finwave::testing {

template <typename Visit>
void forEveryStep(app::SimController& ctl, Visit visit) {
    ctl.seek(1'000'000);
    const std::uint64_t last = ctl.sim().stepIndex();
    for (std::uint64_t step = 0; step <= last; ++step) {
        ctl.seek(step);
        visit(step);
    }
}

}  // namespace finwave::testing
