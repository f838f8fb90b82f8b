#!/usr/bin/env bash
# Renders the window as users see it, for a person to look at before and after a UI change:
# under Xvfb at 1280x720 (a classroom projector), 1366x768 (a laptop) and 1920x1080, in the light
# and projector themes, in English and Chinese, at three moments of lost-last-ack and of
# linger-abort, and at 1280x720 and 1366x768 a quiz question, a revealed answer and the end-of-run
# summary of the "When things go wrong" quiz, the scenario editor open over the window (one of its
# pages per theme and language), the example lesson in the presenter layout, a note being
# written, a lesson's title card, the user guide, lost-last-ack in the high-contrast theme, the server lab, the compare window,
# a real capture and the packet details; and, with no display, frames of a GIF export, the two-run
# export and the web page in headless Chromium. Writes one PNG per picture and a contact sheet,
# look-sheet.png, into OUT_DIR (default build/look). Needs build/finwave (scripts/run.sh or scripts/test.sh builds it).
#   scripts/look.sh [OUT_DIR] [SIZE...]      e.g. scripts/look.sh /tmp/look 1280x720
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=${1:-$root/build/look}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1280x720 1366x768 1920x1080)
bin=$root/build/finwave
[ -x "$bin" ] || { echo "look.sh: $bin is missing; build first (scripts/run.sh)" >&2; exit 2; }
for tool in xvfb-run montage; do
    command -v "$tool" >/dev/null || { echo "look.sh: needs $tool (apt-get install xvfb imagemagick)" >&2; exit 2; }
done
mkdir -p "$out"
rm -f "$out"/*.png

# Three moments of each scenario: early, the interesting middle, the end.
declare -A moments=([lost-last-ack]="4 7 999999" [linger-abort]="2 4 999999")
# The quiz pictures: the 2nd question (a timer: which one fires, and when), its answer revealed
# (choice 2), and the summary after answering every question with choice 1.
quiz=$root/resources/quizzes/when-things-go-wrong.json
declare -A quizFlags=([quiz-question]="--quiz --steps 2" [quiz-reveal]="--quiz --steps 2 --quiz-answer 2"
                      [quiz-summary]="--quiz-summary")

for size in "${sizes[@]}"; do
    shots=()
    for scenario in lost-last-ack linger-abort; do
        for theme in light projector; do
            for lang in en zh_CN; do
                for step in ${moments[$scenario]}; do
                    name="${size}_${theme}_${lang}_${scenario}_$( [ "$step" = 999999 ] && echo end || echo "s$step").png"
                    shots+=("$scenario $theme $lang $step $out/$name")
                done
            done
        done
    done
    # Lessons, at 1366x768 and 1280x720: the example lesson in the presenter layout and
    # an annotated diagram with a note being written, in both languages.
    if [ "$size" = 1366x768 ] || [ "$size" = 1280x720 ]; then
        for lang in en zh_CN; do
            shots+=("@lesson-presenter|--lesson :/lessons/why-time-wait.$lang.json --lesson-page 2 --theme projector --lang $lang --steps 9|$out/${size}_projector_${lang}_lesson.png")
            shots+=("@note-light|--lesson :/lessons/why-time-wait.$lang.json --lesson-page 2 --theme light --lang $lang --steps 8 --note-edit|$out/${size}_light_${lang}_notes.png")
            # A lesson's first page on its title card, and Help → User guide.
            shots+=("@lesson-card|--lesson :/lessons/why-time-wait.$lang.json --lesson-page 1 --theme light --lang $lang --steps 0|$out/${size}_light_${lang}_lesson_card.png")
            shots+=("@guide|--guide --theme light --lang $lang --steps 0|$out/${size}_light_${lang}_guide.png")
            # Simulation → Compare: lost-last-ack under rfc and linux, at the first difference.
            shots+=("@compare|--scenario lost-last-ack --compare --theme light --lang $lang|$out/${size}_light_${lang}_compare.png")
            shots+=("@compare-presenter|--scenario lost-last-ack --compare --theme projector --lang $lang|$out/${size}_projector_${lang}_compare.png")
            # Simulation → Server lab once the "client closes first" preset has run.
            shots+=("@lab|--lab client-closes-first --theme light --lang $lang|$out/${size}_light_${lang}_lab.png")
            # The high-contrast theme: lost-last-ack as A re-acknowledges from TIME_WAIT.
            shots+=("lost-last-ack high-contrast $lang 9 $out/${size}_high-contrast_${lang}_lost-last-ack_s9.png")
        done
        # The scenario editor where room is short: its pages 1-4 (endpoints, actions, network and
        # faults, protocol; page 0, general, is the plainest) over the four theme and language
        # pairs, shifted by two at 1280x720 so each page is seen in both themes.
        page=$( [ "$size" = 1366x768 ] && echo 1 || echo 3 )
        for theme in light projector; do
            for lang in en zh_CN; do
                shots+=("@editor|--scenario lost-last-ack --theme $theme --lang $lang --steps 4 --editor-page $page|$out/${size}_${theme}_${lang}_editor_p$page.png")
                page=$(( page % 4 + 1 ))
            done
        done
    fi
    # A real capture (Linux, the last ACK lost before B, taken at B) at its end with what it tells
    # in the parameters' place, and the packet details of a segment, simulated and captured.
    if [ "$size" = 1366x768 ] || [ "$size" = 1280x720 ]; then
        cap=$root/tests/data/kernel/lost-last-ack-at-B.pcapng
        shots+=("@capture|--capture $cap --theme light --lang en --steps 999999|$out/${size}_light_en_capture_end.png")
        shots+=("@capture-details|--capture $cap --theme light --lang zh_CN --steps 999999 --packet 8|$out/${size}_light_zh_CN_capture_details.png")
        shots+=("@details|--scenario lost-last-ack --theme projector --lang en --steps 8 --packet 5|$out/${size}_projector_en_details.png")
    fi
    # The quiz at the classroom and laptop sizes only, so the look stays quick.
    if [ "$size" = 1280x720 ] || [ "$size" = 1366x768 ]; then
        for theme in light projector; do
            for lang in en zh_CN; do
                for moment in quiz-question quiz-reveal quiz-summary; do
                    shots+=("$quiz $theme $lang -1 $out/${size}_${theme}_${lang}_${moment}.png ${quizFlags[$moment]}")
                done
            done
        done
    fi
    # One X server per size; each picture from a fresh settings folder, as on a first start.
    printf '%s\n' "${shots[@]}" | xvfb-run -a -s "-screen 0 ${size}x24" bash -c '
        while read -r line; do
            cfg=$(mktemp -d)
            if [ "${line#@}" != "$line" ]; then  # "@name|flags|file": a picture with flags of its own
                IFS="|" read -r _ flags file <<<"$line"
                # shellcheck disable=SC2086
                XDG_CONFIG_HOME=$cfg timeout 30 "'"$bin"'" $flags --screenshot "$file" >/dev/null 2>&1 ||
                    echo "look.sh: no picture for $file" >&2
            else
                read -r scenario theme lang step file extra <<<"$line"
                steps=(--steps "$step")
                [ "$step" = -1 ] && steps=()  # the quiz flags say where to stop
                # shellcheck disable=SC2086 # $extra is a list of flags
                XDG_CONFIG_HOME=$cfg timeout 30 "'"$bin"'" --scenario "$scenario" --theme "$theme" --lang "$lang" \
                    "${steps[@]}" $extra --screenshot "$file" >/dev/null 2>&1 || echo "look.sh: no picture for $file" >&2
            fi
            rm -rf "$cfg"
        done'
    echo "look.sh: $size done"
done
# What leaves the window as it moves (no display needed): the first, middle and last frames of a
# GIF of lost-last-ack, the two runs side by side (export --compare), and the web page in headless
# Chromium at its first step and after the step key.
"$bin" export --scenario lost-last-ack --output "$out/anim.gif" >/dev/null
frames=$(identify "$out/anim.gif" | wc -l)
for f in 0 $((frames / 2)) $((frames - 1)); do
    convert "$out/anim.gif[0-$f]" -coalesce -delete 0--2 "$out/export_gif_frame$f.png" 2>/dev/null || true
done
rm -f "$out/anim.gif"
"$bin" export --scenario lost-last-ack --compare --with-profile linux --caption --fit fhd --output "$out/export_compare_fhd.png" >/dev/null
if command -v chromium >/dev/null; then
    "$bin" export --scenario lost-last-ack --output "$out/page.html" >/dev/null
    for at in 0 7; do
        timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1280,720 \
            --screenshot="$out/export_page_step$at.png" "file://$out/page.html#step=$at" >/dev/null 2>&1 || true
    done
    rm -f "$out/page.html"
fi
montage "$out"/*.png -tile 6x -geometry 480x270+4+4 -pointsize 11 -title "FinWave look $(date +%F)" \
    -label '%t' "$out/look-sheet.png" 2>/dev/null || montage "$out"/*.png -tile 6x -geometry 480x270+4+4 "$out/look-sheet.png"
echo "look.sh: $(ls "$out"/*.png | wc -l) pictures and the contact sheet $out/look-sheet.png"
