#!/usr/bin/env bash
# Runs `finwave lab` with the settings of each real-kernel run in results/ (port_exhaustion.sh:
# 200 ports, 5 connections a second for 150 s over a veth pair) and prints both curves side by
# side every 10 s: connect() failures (EADDRNOTAVAIL) per second and sockets in TIME_WAIT on the
# client and the server, with the totals. By hand, any time: it reads results/ and runs nothing
# on the network.   tools/lab/compare_with_lab.sh [path/to/finwave]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
finwave=${1:-$here/../../build/finwave}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for run in r5:"" r5_twreuse:"--tw-reuse 1" r5_serverclose:"--close server"; do
    name=${run%%:*}
    flags=${run#*:}
    real=$here/results/port_exhaustion_$name.csv
    # shellcheck disable=SC2086  # flags is a list of words
    "$finwave" lab --rate 5 --port-range 40000-40199 --duration 150 --delay 0.05 $flags --csv "$tmp/$name.csv" >/dev/null
    echo "== $name (finwave lab $flags): kernel | lab"
    # real: t_s,attempts,connected,eaddrnotavail,other_errors,time_wait_client,time_wait_server
    # lab:  t_s,new,eaddrnotavail,rst,tw_recycled,tw_overflow_client,tw_overflow_server,tw_reopened,
    #       time_wait_client,time_wait_server,...
    awk -F, 'NR == FNR { if (FNR > 1) { rf[$1] = $4; rc[$1] = $6; rs[$1] = $7 } next }
             FNR == 1 { printf "%5s %16s %16s %16s\n", "t_s", "EADDRNOTAVAIL/s", "TIME_WAIT client", "TIME_WAIT server"; next }
             { t = $1; if (t in rf) { tr += rf[t]; tl += $3 }
               if (t % 10 == 0 && t in rf) printf "%5d %7d | %-6d %7d | %-6d %7d | %-6d\n", t, rf[t], $3, rc[t], $9, rs[t], $10 }
             END { printf "total EADDRNOTAVAIL: kernel %d, lab %d\n", tr, tl }' "$real" "$tmp/$name.csv"
done
