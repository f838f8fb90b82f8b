#!/usr/bin/env bash
# Builds the Debian package: installs what is missing, builds into build/ and packs
# build/finwave_VERSION-1_amd64.deb with CPack (cmake/Package.cmake). Prints the package's path.
#   scripts/package.sh                       the whole way, as a release is made
#   scripts/package.sh --pack-only BUILD_DIR pack a finished build only (the package test does this)
# The package is the same byte for byte for the same commit built in the same folder: every time
# stamp in it is the last commit's time (SOURCE_DATE_EPOCH), unless SOURCE_DATE_EPOCH is already set.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
root=$(finwave_root)

if [ -z "${SOURCE_DATE_EPOCH:-}" ]; then
    # Outside a git clone (a source tarball) the top CMakeLists.txt's time stands in.
    SOURCE_DATE_EPOCH=$(git -C "$root" log -1 --format=%ct 2>/dev/null || stat -c %Y "$root/CMakeLists.txt")
fi
# Exported before the build too: rcc writes it as the resources' time instead of each file's
# (a fresh clone's files are as new as the clone), and GCC as __DATE__.
export SOURCE_DATE_EPOCH

if [ "${1:-}" = --pack-only ]; then
    dir=$(cd "${2:?--pack-only needs the build folder}" && pwd)
else
    finwave_install_missing
    finwave_build build
    dir=$root/build
fi
umask 022  # the folders CPack makes get the same modes on every machine

rm -f "$dir"/finwave_*.deb
(cd "$dir" && cpack -G DEB >cpack.log 2>&1) || { cat "$dir/cpack.log" >&2; exit 1; }
deb=$(ls "$dir"/finwave_*.deb)
echo "$deb"
