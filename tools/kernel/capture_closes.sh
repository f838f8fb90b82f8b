#!/usr/bin/env bash
# capture_closes.sh - real Linux captures of TCP closes with one chosen segment lost.
#
#   tools/kernel/capture_closes.sh [--out DIR] [--retries N] [case...]
#
# Cases: lost-last-ack lost-fin lost-fin-ack simultaneous-close-acks-lost lost-fin-nosack
# (all of them when none is named). For each case it writes to DIR (default
# tests/data/kernel next to this script's repository):
#   <case>-at-A.pcapng  <case>-at-B.pcapng  <case>-states.txt
# See tools/kernel/README.md for the set-up and the states file's format.
#
# Needs: root, Linux with network namespaces, veth, AF_PACKET and sock_diag;
# ip (iproute2), ethtool, dumpcap (wireshark-common), tshark, gcc, bash >= 5.
# Everything happens in three network namespaces it creates and deletes; the
# host's own interfaces and addresses are not touched.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=$HERE/../../tests/data/kernel
RETRIES=2
ALL_CASES="lost-last-ack lost-fin lost-fin-ack simultaneous-close-acks-lost lost-fin-nosack"

A_IP=10.77.0.1 B_IP=10.77.0.2 A_PORT=40001 B_PORT=5501
A_MAC=02:77:00:00:00:01 B_MAC=02:77:00:00:00:02
DELAY_US=50000        # one way, so RTT 100 ms
POLL_US=1000          # state polling interval
POLL_MAX_MS=15000     # pollers stop at the latest this long after start
LINGER_MS=3000        # ... or this long after TIME_WAIT began / the socket went
CASE_LIMIT_S=30       # a case that takes longer is abandoned

say() { printf '%s\n' "$*" >&2; }
die() { say "capture_closes.sh: $*"; exit 2; }

usage() {
    say "usage: $0 [--out DIR] [--retries N] [case...]"
    say "cases: $ALL_CASES"
    exit 2
}

CASES=()
while (($#)); do
    case $1 in
    --out) OUT=${2:?}; shift 2 ;;
    --retries) RETRIES=${2:?}; shift 2 ;;
    -h|--help) usage ;;
    -*) usage ;;
    *) CASES+=("$1"); shift ;;
    esac
done
((${#CASES[@]})) || read -r -a CASES <<<"$ALL_CASES"
for c in "${CASES[@]}"; do
    [[ " $ALL_CASES " == *" $c "* ]] || die "unknown case '$c' (cases: $ALL_CASES)"
done
[[ $RETRIES =~ ^[0-9]$ ]] || die "--retries takes 0..9"

# ---- requirements -----------------------------------------------------------
((EUID == 0)) || die "must run as root (it creates network namespaces)"
((BASH_VERSINFO[0] >= 5)) || die "needs bash 5 or newer (EPOCHREALTIME)"
missing=()
for tool in ip nsenter nstat ethtool dumpcap tshark gcc; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
((${#missing[@]} == 0)) || die "missing: ${missing[*]} (Debian: apt-get install -y iproute2 util-linux ethtool tshark gcc)"

# ---- state kept for cleanup ---------------------------------------------------
WORK=$(mktemp -d /tmp/fw-capture.XXXXXX)
PIDS=()        # every background process started, stopped by PID
NAMESPACES=()  # every namespace created, deleted at exit
NS_A='' NS_M='' NS_B=''

alive() { # PID: running and not a zombie
    local st
    st=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) || return 1
    [[ -n $st && $st != Z ]]
}

stop_pid() { # PID [seconds]: SIGTERM, then SIGKILL if it is still there
    local pid=$1 lim=${2:-3} i
    alive "$pid" || return 0
    kill "$pid" 2>/dev/null || return 0
    for ((i = 0; i < lim * 20; i++)); do
        alive "$pid" || return 0
        sleep 0.05
    done
    kill -KILL "$pid" 2>/dev/null || true
}

teardown_net() {
    local ns
    for ns in "${NAMESPACES[@]}"; do
        ip netns del "$ns" 2>/dev/null || true
    done
    NAMESPACES=()
}

cleanup() {
    local pid
    for pid in "${PIDS[@]}"; do stop_pid "$pid" 1; done
    PIDS=()
    teardown_net
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }

wait_for() { # SECONDS COMMAND...: poll COMMAND every 50 ms until it succeeds
    local lim=$1 i; shift
    for ((i = 0; i < lim * 20; i++)); do
        "$@" && return 0
        sleep 0.05
    done
    return 1
}

# ---- helpers ---------------------------------------------------------------------
BIN=$WORK/bin
mkdir -p "$BIN"
for prog in fwpeer fwstates fwrelay; do
    gcc -O2 -Wall -Wextra -o "$BIN/$prog" "$HERE/$prog.c" || die "cannot build $prog.c"
done

# ---- network: A --veth-- M (relay: delay, loss) --veth-- B --------------------
add_netns() { # NAME [PARENT]: a new namespace; created from within PARENT if given
    ! ip netns list | grep -qw "$1" || die "namespace $1 already exists"
    if [[ -n ${2:-} ]]; then
        nsenter --net="/run/netns/$2" ip netns add "$1" || return 1
    else
        ip netns add "$1" || return 1
    fi
    NAMESPACES+=("$1")
}

setup_net() { # SYSCTLS_FOR_A...  (returns 1 on any failure)
    local tag=fwk$$ ns parent=
    NS_A=$tag-a NS_M=$tag-m NS_B=$tag-b
    # A and B get a small TCP established-hash table of their own, so that the
    # pollers' sock_diag dumps (which walk it all) cost microseconds, not the
    # ~1 ms of the host-wide table: the table's size is read, at creation, from
    # the creating namespace's tcp_child_ehash_entries (Linux >= 6.1), so A and
    # B are created from within a short-lived parent namespace.
    add_netns "$tag-p" || return 1
    if ip netns exec "$tag-p" sysctl -qw net.ipv4.tcp_child_ehash_entries=256 2>/dev/null; then
        parent=$tag-p
    else
        say "  (no net.ipv4.tcp_child_ehash_entries: state polls will cost ~1 ms of CPU each)"
    fi
    add_netns "$NS_A" "$parent" && add_netns "$NS_B" "$parent" && add_netns "$NS_M" || return 1
    ip netns del "$tag-p" || return 1
    for ns in "$NS_A" "$NS_M" "$NS_B"; do
        # IPv6 off so the links carry nothing but the test connection.
        ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 \
            net.ipv6.conf.default.disable_ipv6=1 || return 1
    done
    # Both ends of each pair are created inside the namespaces.
    ip link add veth-a netns "$NS_A" address "$A_MAC" type veth peer name m-a netns "$NS_M" &&
    ip link add veth-b netns "$NS_B" address "$B_MAC" type veth peer name m-b netns "$NS_M" &&
    ip -n "$NS_A" addr add "$A_IP/24" dev veth-a &&
    ip -n "$NS_B" addr add "$B_IP/24" dev veth-b &&
    # Checksums computed by the stack, so the captures hold correct ones and
    # the relay can pass frames on as they are.
    ip netns exec "$NS_A" ethtool -K veth-a tx off >/dev/null &&
    ip netns exec "$NS_B" ethtool -K veth-b tx off >/dev/null &&
    # No ARP: each end knows the other's MAC.
    ip -n "$NS_A" neigh add "$B_IP" lladdr "$B_MAC" dev veth-a nud permanent &&
    ip -n "$NS_B" neigh add "$A_IP" lladdr "$A_MAC" dev veth-b nud permanent &&
    ip -n "$NS_A" link set veth-a up &&
    ip -n "$NS_B" link set veth-b up &&
    ip -n "$NS_M" link set m-a up &&
    ip -n "$NS_M" link set m-b up || return 1
    if (($#)); then ip netns exec "$NS_A" sysctl -qw "$@" || return 1; fi
}

tcp_sysctls() { # NS: the TCP settings that shape these runs
    ip netns exec "$1" sysctl -n net.ipv4.tcp_sack net.ipv4.tcp_dsack net.ipv4.tcp_timestamps \
        net.ipv4.tcp_early_retrans net.ipv4.tcp_recovery net.ipv4.tcp_fin_timeout | paste -sd' ' |
        awk '{printf "tcp_sack=%s tcp_dsack=%s tcp_timestamps=%s tcp_early_retrans=%s tcp_recovery=%s tcp_fin_timeout=%s", $1,$2,$3,$4,$5,$6}'
}

# ---- the cases ------------------------------------------------------------------
# Sets: DESC A_CLOSE B_CLOSE RULES SYSCTL_A EXPECT_A EXPECT_B FINAL_A FINAL_B
# (EXPECT_*: states that must appear in this order, others may come between;
# FINAL_*: the state when polling stopped).
define_case() { # CASE TC
    local tc=$2
    SYSCTL_A=() A_CLOSE=at:$tc FINAL_A=TIME_WAIT FINAL_B=CLOSED
    case $1 in
    lost-last-ack)
        DESC="A closes first; B closes 20 ms after reading EOF; A's ACK of B's FIN is lost before B"
        B_CLOSE=eof:20 RULES=("ack-after-fin:$A_IP")
        EXPECT_A="ESTABLISHED FIN_WAIT_1 TIME_WAIT" EXPECT_B="ESTABLISHED CLOSE_WAIT LAST_ACK CLOSED" ;;
    lost-fin)
        DESC="A closes first; its first FIN is lost before B; B closes 20 ms after reading EOF"
        B_CLOSE=eof:20 RULES=("fin:$A_IP")
        EXPECT_A="ESTABLISHED FIN_WAIT_1 TIME_WAIT" EXPECT_B="ESTABLISHED CLOSE_WAIT LAST_ACK CLOSED" ;;
    lost-fin-ack)
        DESC="A closes first; B's ACK of A's FIN is lost before A; B closes 1 s after reading EOF"
        B_CLOSE=eof:1000 RULES=("ack-after-fin:$B_IP")
        EXPECT_A="ESTABLISHED FIN_WAIT_1 FIN_WAIT_2 TIME_WAIT"
        EXPECT_B="ESTABLISHED CLOSE_WAIT LAST_ACK CLOSED" ;;
    simultaneous-close-acks-lost)
        DESC="A and B call close() at the same instant, the FINs cross; both ACKs of the FINs are lost"
        B_CLOSE=at:$tc RULES=("ack-after-fin:$A_IP" "ack-after-fin:$B_IP") FINAL_B=TIME_WAIT
        EXPECT_A="ESTABLISHED FIN_WAIT_1 CLOSING TIME_WAIT"
        EXPECT_B="ESTABLISHED FIN_WAIT_1 CLOSING TIME_WAIT" ;;
    lost-fin-nosack)
        DESC="as lost-fin, with net.ipv4.tcp_sack=0 in A's namespace (so no SACK on the connection)"
        B_CLOSE=eof:20 RULES=("fin:$A_IP") SYSCTL_A=(net.ipv4.tcp_sack=0)
        EXPECT_A="ESTABLISHED FIN_WAIT_1 TIME_WAIT" EXPECT_B="ESTABLISHED CLOSE_WAIT LAST_ACK CLOSED" ;;
    esac
}

# ---- checks -----------------------------------------------------------------------
# Segment identity across the two captures: IP ID, flags, raw seq/ack, length, TSval.
seg_keys() { # PCAP SRC_IP
    tshark -r "$1" -Y "ip.src == $2" -T fields -e ip.id -e tcp.flags -e tcp.seq_raw \
        -e tcp.ack_raw -e tcp.len -e tcp.options.timestamp.tsval 2>/dev/null | sort
}

states_of() { awk -v e="$2" '$1 !~ /^#/ && $2 == e {print $3}' "$1"; }

has_in_order() { # FILE END "S1 S2 ..."
    local want i=0 s
    read -r -a want <<<"$3"
    while read -r s; do
        [[ $i -lt ${#want[@]} && $s == "${want[$i]}" ]] && i=$((i + 1))
    done < <(states_of "$1" "$2")
    ((i == ${#want[@]}))
}

check_case() { # DIR -> prints problems, returns 1 if any
    local d=$1 bad=0 n from to src lostrel
    for ((n = 0; n < ${#RULES[@]}; n++)); do
        grep -q "^# rule $n ${RULES[$n]} lost 1\$" "$d/relay.txt" ||
            { say "  relay rule ${RULES[$n]} did not lose exactly one segment"; bad=1; }
    done
    for from in A B; do
        [[ $from == A ]] && src=$A_IP to=B || src=$B_IP to=A
        seg_keys "$d/A.pcapng" "$src" >"$d/keys-$from-atA"
        seg_keys "$d/B.pcapng" "$src" >"$d/keys-$from-atB"
        local at_sender=$d/keys-$from-at$from at_receiver=$d/keys-$from-at$to
        n=$(comm -13 "$at_sender" "$at_receiver" | wc -l)
        ((n == 0)) || { say "  $n segment(s) from $from at $to but not at $from"; bad=1; }
        n=$(comm -23 "$at_sender" "$at_receiver" | wc -l)
        lostrel=$(grep -c "^[0-9]* $from>$to .* LOST " "$d/relay.txt" || true)
        ((n == lostrel)) || { say "  $n segment(s) from $from missing at $to, relay lost $lostrel"; bad=1; }
        [[ -s $at_sender ]] || { say "  no segments from $from in its capture"; bad=1; }
    done
    for from in A B; do
        n=$(tshark -r "$d/$from.pcapng" -Y 'tcp.flags.reset == 1 || frame.cap_len < frame.len' 2>/dev/null | wc -l)
        ((n == 0)) || { say "  capture at $from has a RST or a cut packet"; bad=1; }
    done
    has_in_order "$d/states.raw" A "$EXPECT_A" || { say "  A's states lack: $EXPECT_A"; bad=1; }
    has_in_order "$d/states.raw" B "$EXPECT_B" || { say "  B's states lack: $EXPECT_B"; bad=1; }
    [[ $(states_of "$d/states.raw" A | tail -1) == "$FINAL_A" ]] || { say "  A did not end in $FINAL_A"; bad=1; }
    [[ $(states_of "$d/states.raw" B | tail -1) == "$FINAL_B" ]] || { say "  B did not end in $FINAL_B"; bad=1; }
    return $bad
}

# ---- one run of one case -------------------------------------------------------------
run_case() { # CASE DIR
    local c=$1 d=$2 t_start pid_relay pid_cap_a pid_cap_b pid_srv pid_cli pid_st_a pid_st_b
    t_start=$SECONDS
    mkdir -p "$d"
    define_case "$c" 0 # for SYSCTL_A
    setup_net "${SYSCTL_A[@]}" || { say "  network set-up failed"; return 1; }

    # The wire: 50 ms each way, and the rules that lose a segment.
    ip netns exec "$NS_M" "$BIN/fwrelay" m-a m-b "$DELAY_US" $((CASE_LIMIT_S * 1000)) \
        "${RULES[@]}" >"$d/relay.txt" 2>"$d/relay.err" &
    pid_relay=$!; PIDS+=("$pid_relay")
    wait_for 3 grep -qs '^# relay ready' "$d/relay.txt" || { say "  relay did not start"; cat "$d/relay.err" >&2; return 1; }

    # Captures at both ends, on the ends' own interfaces.
    ip netns exec "$NS_A" dumpcap -q -i veth-a -s 256 -f "tcp port $B_PORT" -w "$d/A.pcapng" 2>"$d/dumpcap-A.err" &
    pid_cap_a=$!; PIDS+=("$pid_cap_a")
    ip netns exec "$NS_B" dumpcap -q -i veth-b -s 256 -f "tcp port $B_PORT" -w "$d/B.pcapng" 2>"$d/dumpcap-B.err" &
    pid_cap_b=$!; PIDS+=("$pid_cap_b")
    wait_for 5 test -s "$d/A.pcapng" || { say "  dumpcap at A did not start"; cat "$d/dumpcap-A.err" >&2; return 1; }
    wait_for 5 test -s "$d/B.pcapng" || { say "  dumpcap at B did not start"; cat "$d/dumpcap-B.err" >&2; return 1; }
    sleep 0.3

    local t0 tc
    t0=$(($(now_us) + 800000)) # connect
    tc=$((t0 + 800000))        # close() (A; B too in the simultaneous case)
    define_case "$c" "$tc"

    ip netns exec "$NS_B" "$BIN/fwpeer" server "$B_IP" "$B_PORT" "$B_CLOSE" >"$d/B.app" 2>"$d/B.app.err" &
    pid_srv=$!; PIDS+=("$pid_srv")
    wait_for 3 grep -qs listening "$d/B.app" || { say "  server did not start"; cat "$d/B.app.err" >&2; return 1; }

    ip netns exec "$NS_A" "$BIN/fwstates" A "$A_IP" "$A_PORT" "$B_IP" "$B_PORT" "$POLL_US" "$POLL_MAX_MS" "$LINGER_MS" >"$d/A.states" 2>"$d/A.states.err" &
    pid_st_a=$!; PIDS+=("$pid_st_a")
    ip netns exec "$NS_B" "$BIN/fwstates" B "$B_IP" "$B_PORT" "$A_IP" "$A_PORT" "$POLL_US" "$POLL_MAX_MS" "$LINGER_MS" >"$d/B.states" 2>"$d/B.states.err" &
    pid_st_b=$!; PIDS+=("$pid_st_b")

    ip netns exec "$NS_A" "$BIN/fwpeer" client "$A_IP" "$A_PORT" "$B_IP" "$B_PORT" "$t0" "$A_CLOSE" >"$d/A.app" 2>"$d/A.app.err" &
    pid_cli=$!; PIDS+=("$pid_cli")

    # The pollers end themselves (linger after TIME_WAIT/CLOSED, or their limit).
    while alive "$pid_st_a" || alive "$pid_st_b"; do
        if ((SECONDS - t_start > CASE_LIMIT_S - 3)); then say "  case took too long"; return 1; fi
        sleep 0.1
    done
    sleep 0.5 # margin after the last segment
    stop_pid "$pid_cap_a"; stop_pid "$pid_cap_b"
    stop_pid "$pid_relay"
    stop_pid "$pid_cli"; stop_pid "$pid_srv"
    PIDS=()
    # The ends' TCP counters (per namespace): which timer fired, D-SACKs, ...
    ip netns exec "$NS_A" nstat -as >"$d/A.nstat" 2>/dev/null || true
    ip netns exec "$NS_B" nstat -as >"$d/B.nstat" 2>/dev/null || true
    for f in A.app.err B.app.err; do
        [[ ! -s $d/$f ]] || { say "  ${f%%.*} application: $(head -1 "$d/$f")"; return 1; }
    done

    # Ground truth: both ends' changes in time order.
    cat "$d/A.states" "$d/B.states" | grep -v '^#' | sort -n -s -k1,1 >"$d/states.raw"
    {
        echo "# FinWave kernel capture ground truth: $c"
        echo "# $DESC"
        echo "# Linux $(uname -r); A $A_IP:$A_PORT (client), B $B_IP:$B_PORT (server);" \
            "$((DELAY_US / 1000)) ms each way (RTT $((2 * DELAY_US / 1000)) ms) by a relay between them"
        echo "# A: $(tcp_sysctls "$NS_A")"
        echo "# B: $(tcp_sysctls "$NS_B")"
        echo "# lines: <unix_time_us> <A|B> <STATE>, time of the first poll (every $POLL_US us) that saw STATE;"
        echo "# '#' lines are comments: '# app' = the application's calls, '# lost' = the segment the relay lost."
        echo "# Polling stops ${LINGER_MS} ms after TIME_WAIT began (Linux keeps TIME_WAIT 60 s) or the socket went."
        {
            awk '{t=$1; $1=""; print t, 1, "# app", t, "A" $0}' "$d/A.app"
            awk '{t=$1; $1=""; print t, 1, "# app", t, "B" $0}' "$d/B.app"
            awk '/ LOST /{print $1, 1, "# lost", $0}' "$d/relay.txt"
            awk '{print $1, 0, $0}' "$d/states.raw"
        } | sort -n -s -k1,1 -k2,2 | cut -d' ' -f3-
        grep -h '^# [AB] polls' "$d/A.states" "$d/B.states"
        for e in A B; do
            awk -v e="$e" '$1 ~ /^Tcp/ && $2 != 0 {s = s " " $1 "=" $2} END {print "# " e " nstat:" s}' "$d/$e.nstat"
        done
    } >"$d/states.txt"

    check_case "$d" || return 1
    teardown_net
    return 0
}

mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
failed=()
for c in "${CASES[@]}"; do
    ok=0
    for ((attempt = 0; attempt <= RETRIES; attempt++)); do
        say "== $c (attempt $((attempt + 1)))"
        d=$WORK/$c.$attempt
        if run_case "$c" "$d"; then ok=1; break; fi
        for pid in "${PIDS[@]}"; do stop_pid "$pid" 1; done
        PIDS=()
        teardown_net
        keep=$(mktemp -d "/tmp/fw-capture-failed.$c.XXXXXX")
        cp -r "$d/." "$keep/" 2>/dev/null || true
        say "  failed; its files are kept in $keep"
    done
    if ((ok)); then
        cp "$d/A.pcapng" "$OUT/$c-at-A.pcapng"
        cp "$d/B.pcapng" "$OUT/$c-at-B.pcapng"
        cp "$d/states.txt" "$OUT/$c-states.txt"
        chmod 644 "$OUT/$c-at-A.pcapng" "$OUT/$c-at-B.pcapng" "$OUT/$c-states.txt"
        say "  ok: $OUT/$c-{at-A.pcapng,at-B.pcapng,states.txt}"
        grep -v '^#' "$d/states.txt" | sed 's/^/    /' >&2
    else
        failed+=("$c")
    fi
done
((${#failed[@]} == 0)) || die "failed: ${failed[*]}"
