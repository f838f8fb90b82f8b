#pragma once

#include "core/options/command_line.h"

void initFinwaveResources();

namespace finwave::app {

// The window, from its options (core/options): every file they name (a scenario, a lesson, a
// capture) is read before Qt starts, so a bad one gets its one line and exit status 2 with or
// without a display; then the application, the window on what was asked, the demonstration hooks
// (app/main/demo_hooks.h), and the event loop. `program` is argv[0].
int runWindow(const options::WindowOptions& options, char* program);

}  // namespace finwave::app
