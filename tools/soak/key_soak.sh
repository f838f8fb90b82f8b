#!/bin/bash
# A key soak of the window: playing at 10x (Plus six times from 1x) with steps back, Home and
# Space, as a teacher's hands would, for DURATION seconds (default 600) under Xvfb; the window's
# resident memory is sampled every 30 s into OUT (CSV: seconds, rss_kb, keys pressed).
# Usage: tools/soak/key_soak.sh BUILD_DIR OUT.csv [DURATION] [SCENARIO]
# Every process started here is stopped by its PID; the loop is bounded in time and count.
set -u
build=${1:?build dir}; out=${2:?out csv}; duration=${3:-600}; scenario=${4:-lost-last-ack}
display=:$((90 + RANDOM % 9))
Xvfb "$display" -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$app" "$xvfb" 2>/dev/null; wait 2>/dev/null' EXIT
sleep 1
export DISPLAY=$display XDG_CONFIG_HOME=$(mktemp -d)
"$build/finwave" --scenario "$scenario" >/dev/null 2>&1 &
app=$!
wid=""
for _ in $(seq 1 50); do
    wid=$(xdotool search --pid "$app" --onlyvisible 2>/dev/null | head -1)
    [ -n "$wid" ] && break
    sleep 0.2
done
[ -n "$wid" ] || { echo "no window" >&2; exit 1; }
xdotool windowfocus --sync "$wid"
for _ in 1 2 3 4 5 6; do xdotool key plus; done
echo "seconds,rss_kb,keys" > "$out"
start=$(date +%s); keys=0; next=0
pattern=(space Left Left Right space Home space Left Right Right)
while :; do
    now=$(( $(date +%s) - start ))
    [ "$now" -ge "$duration" ] && break
    [ "$keys" -ge 1000000 ] && break
    if [ "$now" -ge "$next" ]; then
        echo "$now,$(awk '/VmRSS/{print $2}' /proc/$app/status),$keys" >> "$out"
        next=$((next + 30))
    fi
    xdotool key --window "$wid" "${pattern[$((keys % ${#pattern[@]}))]}"
    keys=$((keys + 1))
    sleep 0.05
done
echo "$(( $(date +%s) - start )),$(awk '/VmRSS/{print $2}' /proc/$app/status),$keys" >> "$out"
