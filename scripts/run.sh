#!/usr/bin/env bash
# Installs what is missing, builds FinWave and opens it on the default scenario, normal-close.
# Extra arguments go to finwave (for example: scripts/run.sh --scenario simultaneous-close).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
root=$(finwave_root)

finwave_install_missing
finwave_build build -DFINWAVE_BUILD_TESTS=OFF

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "finwave: built $root/build/finwave, but there is no display to open a window on."
    echo "         Run it under a virtual one:  xvfb-run -a -s '-screen 0 1600x1000x24' scripts/run.sh"
    echo "         Or use the command line:     $root/build/finwave trace --scenario normal-close"
    exit 0
fi
if [ $# -eq 0 ]; then
    set -- --scenario normal-close
fi
exec "$root/build/finwave" "$@"
