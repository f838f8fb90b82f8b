#include "app/cli.h"

#include <cstdio>
#include <cstring>

namespace finwave::app {

std::optional<int> runCommandLine(int argc, char** argv) {
    if (argc > 1 && std::strcmp(argv[1], "--version") == 0) {
        std::printf("finwave %s\n", FINWAVE_VERSION);
        return 0;
    }
    return std::nullopt;
}

}  // namespace finwave::app
