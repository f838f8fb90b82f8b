#pragma once

void initFinwaveResources();

namespace finwave::app {

// Creates the QApplication, loads translations and settings, opens the main window and runs
// the event loop. argv may carry --scenario NAME|FILE, --profile, --lang, --theme.
int runWindow(int argc, char** argv);

}  // namespace finwave::app
