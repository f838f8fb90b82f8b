# Checks of an installed FinWave, sourced by package_test.sh: what is where, and that the program
# runs from there with nothing of the build tree (no LD_LIBRARY_PATH, no display, a fresh HOME).

# check_tree PREFIX: every installed file where the FHS and the desktop specifications put it.
check_tree() {
    local p=$1 f size
    for f in bin/finwave share/applications/$id.desktop share/metainfo/$id.metainfo.xml \
        share/mime/packages/$id.xml share/icons/hicolor/scalable/apps/$id.svg share/man/man1/finwave.1.gz \
        share/doc/finwave/copyright share/doc/finwave/changelog.Debian.gz \
        share/finwave/scenarios/lost-last-ack.json share/finwave/lessons/why-time-wait.zh_CN.json; do
        [ -s "$p/$f" ] || fail "$p/$f is missing"
    done
    [ -x "$p/bin/finwave" ] || fail "$p/bin/finwave is not executable"
    for size in 48 128 256; do
        file "$p/share/icons/hicolor/${size}x${size}/apps/$id.png" | grep -q "PNG image data, $size x $size" ||
            fail "no ${size}x${size} PNG icon"
    done
    # The file types compile (update-mime-database refuses a broken file) into the two types.
    local mime=$work/mime-$RANDOM
    mkdir -p "$mime/packages"
    cp "$p/share/mime/packages/$id.xml" "$mime/packages/"
    update-mime-database "$mime" 2>/dev/null || fail "update-mime-database refused $id.xml"
    for f in x-finwave-scenario+json x-finwave-lesson+json x-pcapng; do
        [ -f "$mime/application/$f.xml" ] || fail "no MIME type application/$f"
    done
}

# run_installed [NAME=VALUE...] BIN ARGS...: the program with a clean environment, as a user's
# shell would have it, plus the variables given.
run_installed() {
    mkdir -p "$work/home" "$work/runtime"
    chmod 700 "$work/runtime"
    env -i PATH=/usr/bin:/bin HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" LANG=C.UTF-8 "$@"
}

# check_program BIN SOURCE_DIR WORK_DIR: --version, a trace, exports (Chinese text in the SVG),
# and the window opening an installed lesson by its path alone, as "Open with FinWave" runs it.
check_program() {
    local bin=$1 out
    out=$(run_installed "$bin" --version) || fail "$bin --version failed"
    grep -q "$(sed -n 's/^project(FinWave VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")" <<<"$out" ||
        fail "$bin --version says '$out'"
    out=$(run_installed "$bin" trace --scenario lost-last-ack) || fail "$bin trace failed"
    grep -q TIME_WAIT <<<"$out" || fail "the trace has no TIME_WAIT"
    run_installed "$bin" export --scenario lost-last-ack --view both --output "$work/close.png" || fail "PNG export failed"
    file "$work/close.png" | grep -q 'PNG image data' || fail "the export is not a PNG"
    run_installed "$bin" export --scenario lost-last-ack --lang zh_CN --caption --output "$work/close.svg" ||
        fail "SVG export in Chinese failed"
    grep -q '丢包' "$work/close.svg" || fail "the Chinese export has no Chinese caption (丢包, loss)"
    local lesson
    lesson=$(dirname "$(dirname "$bin")")/share/finwave/lessons/why-time-wait.zh_CN.json
    run_installed QT_QPA_PLATFORM=offscreen "$bin" "$lesson" --screenshot "$work/lesson.png" ||
        fail "the window did not open $lesson"
    [ -s "$work/lesson.png" ] || fail "no screenshot of the lesson's window"
}

# check_manual PAGE BIN: man reads the page without a warning, and it has every flag --help lists.
check_manual() {
    local page=$1 bin=$2 warnings flag
    warnings=$(LC_ALL=C.UTF-8 MANROFFSEQ='' MANWIDTH=80 man --warnings -E UTF-8 -l -Tutf8 -Z "$page" 2>&1 >/dev/null)
    [ -z "$warnings" ] || fail "man warns about $page: $warnings"
    for flag in $(run_installed "$bin" --help | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        zcat "$page" | grep -qF -- "${flag//-/\\-}" || fail "the manual page does not describe $flag"
    done
}

# check_depends DEB: dpkg-shlibdeps found the libraries, the fonts are named, and apt could install
# it here (a simulation: nothing is installed).
check_depends() {
    local depends pkg
    depends=$(dpkg-deb --field "$1" Depends)
    for pkg in libqt6core6 libqt6widgets6 libqt6svg6 libqt6charts6 libpcap0.8 zlib1g libc6 fonts-noto-core fonts-noto-cjk; do
        grep -q "\b$pkg\b" <<<"$depends" || fail "Depends lacks $pkg: $depends"
    done
    apt-get install --simulate --no-install-recommends -qq "$1" >"$work/apt.log" 2>&1 ||
        fail "apt-get cannot install it: $(cat "$work/apt.log")"
    grep -q '^Inst finwave' "$work/apt.log" || fail "apt-get would not install it: $(cat "$work/apt.log")"
}
