#!/usr/bin/env bash
# Installs what is missing, builds everything (benchmarks included) and runs every test; then
# builds the core again with AddressSanitizer and UndefinedBehaviorSanitizer and runs its tests.
# Exits non-zero on any failure. Pass a ctest regex to run a subset: scripts/test.sh Scenario
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
root=$(finwave_root)
filter=${1:-}

finwave_install_missing
finwave_build build -DFINWAVE_BUILD_TESTS=ON -DFINWAVE_BUILD_BENCH=ON
(cd "$root/build" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" ${filter:+-R "$filter"})

finwave_build build-asan -DFINWAVE_BUILD_APP=OFF -DFINWAVE_SANITIZE=ON -DFINWAVE_BUILD_BENCH=OFF
(cd "$root/build-asan" && ctest --output-on-failure --parallel "$(nproc)" ${filter:+-R "$filter"})
echo "finwave: all tests passed"
