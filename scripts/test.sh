#!/usr/bin/env bash
# Installs what is missing, builds everything (benchmarks included) and runs every test; then
# builds everything again with AddressSanitizer and UndefinedBehaviorSanitizer and runs the core
# and the app tests there too.
# Exits non-zero on any failure. Pass a ctest regex to run a subset: scripts/test.sh Scenario
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
root=$(finwave_root)
filter=${1:-}

finwave_install_missing
finwave_build build -DFINWAVE_WERROR=ON -DFINWAVE_BUILD_TESTS=ON -DFINWAVE_BUILD_BENCH=ON
(cd "$root/build" && QT_QPA_PLATFORM=offscreen ctest --output-on-failure --parallel "$(nproc)" ${filter:+-R "$filter"})

finwave_build build-asan -DFINWAVE_WERROR=ON -DFINWAVE_BUILD_APP=ON -DFINWAVE_SANITIZE=ON -DFINWAVE_BUILD_BENCH=OFF
# The app tests start Qt on the offscreen platform (no display); the command-line tests run the
# sanitized finwave, which inherits these options. LeakSanitizer stays on: with the offscreen
# platform Qt and fontconfig report no leak here. abort_on_error turns a finding into a failed
# test, as -fno-sanitize-recover does for UBSan. No allocator_may_return_null: the PNG pixel
# budget refuses huge images before any allocation, so no test needs a malloc to fail politely.
(cd "$root/build-asan" &&
    QT_QPA_PLATFORM=offscreen \
    ASAN_OPTIONS=abort_on_error=1:strict_string_checks=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --output-on-failure --parallel "$(nproc)" ${filter:+-R "$filter"})
echo "finwave: all tests passed"
