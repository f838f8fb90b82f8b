// Thin entry point: sub-commands run without a display; otherwise the window opens.
#include "app/cli/commands.h"
#include "app/main/window_main.h"

int main(int argc, char** argv) {
    if (auto status = finwave::app::runCommandLine(argc, argv))
        return *status;
    return finwave::app::runWindow(argc, argv);
}
