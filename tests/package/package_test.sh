#!/usr/bin/env bash
# The Debian package as an administrator gets it: packs the finished build (scripts/package.sh
# --pack-only), checks it with lintian (no error, no warning), desktop-file-validate and appstreamcli,
# unpacks it into a fresh folder with dpkg -x and runs the program from there, not from the build
# tree: --version, a trace, an export in Chinese, a file opened by its path. Then the same from
# `cmake --install --prefix` into another folder. Exits non-zero at the first thing wrong.
#   tests/package/package_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "package test: $*" >&2; exit 1; }
id=org.finwave.FinWave

deb=$("$src/scripts/package.sh" --pack-only "$build")
echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
dpkg-deb --field "$deb" Package Version Section Depends Recommends
# Reproducible: packed again from the same build, the same bytes (every time stamp is the commit's).
cp "$deb" "$work/first.deb"
"$src/scripts/package.sh" --pack-only "$build" >/dev/null
cmp "$work/first.deb" "$deb" || fail "two packs of one build differ"

# lintian: exit 2 on any error or warning (informational tags are shown, not failed on).
lintian --fail-on error,warning --display-info "$deb" || fail "lintian reported errors or warnings"

root=$work/root
dpkg -x "$deb" "$root"
desktop-file-validate --no-hints "$root/usr/share/applications/$id.desktop" || fail "desktop-file-validate"
appstreamcli validate --no-net --strict "$root/usr/share/metainfo/$id.metainfo.xml" || fail "appstreamcli validate"

source "$src/tests/package/installed_checks.sh"
check_tree "$root/usr"
check_program "$root/usr/bin/finwave" "$src" "$work"
check_manual "$root/usr/share/man/man1/finwave.1.gz" "$root/usr/bin/finwave"
check_depends "$deb"

# Any prefix: the install rules alone, without the package.
cmake --install "$build" --prefix "$work/prefix" >/dev/null
check_tree "$work/prefix"
check_program "$work/prefix/bin/finwave" "$src" "$work"
echo "package test: $(basename "$deb") passed"
