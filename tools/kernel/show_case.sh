#!/usr/bin/env bash
# show_case.sh - one kernel capture case as text: both ends' segments and states.
#
#   tools/kernel/show_case.sh CASE [DIR]
#
# Reads DIR/CASE-at-A.pcapng, DIR/CASE-at-B.pcapng and DIR/CASE-states.txt
# (DIR defaults to tests/data/kernel) and prints, with times in milliseconds
# since A's SYN as captured at A (all files share one wall clock):
#   - each capture's segments: time, direction, flags, relative seq/ack, length,
#     SACK blocks (a D-SACK is a first block at or below the ACK number),
#     TSval/TSecr; "not at B"/"not at A" marks a segment that its receiver's
#     capture lacks (the lost one);
#   - the state changes of both ends.
# Needs tshark and awk.
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
c=${1:?usage: show_case.sh CASE [DIR]}
dir=${2:-$HERE/../../tests/data/kernel}
A=$dir/$c-at-A.pcapng B=$dir/$c-at-B.pcapng S=$dir/$c-states.txt
for f in "$A" "$B" "$S"; do [[ -r $f ]] || { echo "show_case.sh: cannot read $f" >&2; exit 2; }; done

fields() {
    tshark -r "$1" -T fields -E separator=/t -E occurrence=a -E aggregator=, \
        -e frame.time_epoch -e ip.src -e ip.id -e tcp.flags.str -e tcp.seq -e tcp.ack -e tcp.len \
        -e tcp.options.sack_le -e tcp.options.sack_re \
        -e tcp.options.timestamp.tsval -e tcp.options.timestamp.tsecr 2>/dev/null
}
t0=$(fields "$A" | head -1 | cut -f1)
A_IP=$(fields "$A" | head -1 | cut -f2)

show() { # PCAP OTHER_PCAP END
    echo "== at $3 ($(basename "$1"))"
    printf '%9s  %-4s %-8s %6s %6s %4s  %-22s %s\n' "t_ms" "dir" "flags" "seq" "ack" "len" "SACK le-re" "TSval/TSecr"
    # Segments of the other capture, by IP source and ID, to find the missing ones.
    fields "$2" | awk -F'\t' '{print $2 "/" $3 "/" $10}' >"$tmp/other"
    fields "$1" | awk -F'\t' -v t0="$t0" -v a="$A_IP" -v end="$3" -v other="$tmp/other" '
        BEGIN { while ((getline l < other) > 0) seen[l] = 1 }
        {
            dir = ($2 == a) ? "A>B" : "B>A"
            fl = $4; gsub(/[^A-Z]/, "", fl)      # tcp.flags.str keeps letters of set flags
            sack = "-"
            if ($8 != "") {
                n = split($8, le, ","); split($9, re, ","); sack = ""
                for (i = 1; i <= n; i++) sack = sack (i > 1 ? " " : "") le[i] "-" re[i]
                if (re[1] + 0 <= $6 + 0) sack = sack " D-SACK"
            }
            mark = ""
            if (!(($2 "/" $3 "/" $10) in seen)) mark = "  not at " (dir == "A>B" ? "B" : "A")
            printf "%9.3f  %-4s %-8s %6s %6s %4s  %-22s %s/%s%s\n", ($1 - t0) * 1000, dir, fl, $5, $6, $7, sack, $10, $11, mark
        }'
}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
show "$A" "$B" A
echo
show "$B" "$A" B
echo
echo "== states (ms since A's SYN at A; '#' lines: application calls and the lost segment)"
awk -v t0="$t0" '
    /^# (app|lost) / { printf "%9.3f  %s\n", ($3 / 1e6 - t0) * 1000, $0; next }
    /^[0-9]/ { printf "%9.3f  %s %s\n", ($1 / 1e6 - t0) * 1000, $2, $3 }' "$S"
grep -E '^# [AB] (polls|nstat)' "$S" || true
