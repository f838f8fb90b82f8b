#!/usr/bin/env bash
# port_exhaustion.sh - measure ephemeral-port exhaustion caused by TIME_WAIT on the real
# Linux kernel, inside two private network namespaces joined by a veth pair.
#
# The client namespace gets a 200-port ephemeral range (40000-40199). A paced client opens
# connections to a server in the other namespace at RATE per second for DURATION seconds; with
# the client closing first, each closed connection holds its port in TIME_WAIT for 60 s, so above
# 200/60 = 3.33 connections/s connect() eventually fails with EADDRNOTAVAIL.
#
# Run by hand, as root:   tools/lab/port_exhaustion.sh [options]
#   --rate R          connections per second (default 5; 0 < R <= 100)
#   --duration D      seconds of client traffic (default 150; at most 1800)
#   --tail S          keep sampling S seconds after the client stops (default 0; at most 300)
#   --tw-reuse        set net.ipv4.tcp_tw_reuse=1 in the client namespace (default 0)
#   --server-close    the server closes first (TIME_WAIT on the server side)
#   --ports LO-HI     client ephemeral port range (default 40000-40199)
#   --out-dir DIR     where results go (default: tools/lab/results next to this script)
#
# Outputs, NAME = port_exhaustion_r<R>[_twreuse][_serverclose]:
#   NAME.csv            t_s,attempts,connected,eaddrnotavail,other_errors,time_wait_client,time_wait_server
#   NAME_states.csv     per-second socket counts by state in both namespaces (+ /proc/net/sockstat tw)
#   NAME_attempts.csv   one line per connection attempt (time, result, errno, local port, ...)
#   NAME_summary.txt    sysctls in effect, first EADDRNOTAVAIL, rates, peaks, kernel counters
#
# Safety: traffic goes only between 10.78.0.1 and 10.78.0.2 inside namespaces this script
# creates (never loopback, never the host's interfaces); every loop is bounded in count and time;
# the processes it starts are stopped by PID, and the namespaces are deleted on exit.
set -euo pipefail
export LC_ALL=C

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

RATE=5
DURATION=150
TAIL=0
TW_REUSE=0
SERVER_CLOSE=0
PORT_LO=40000
PORT_HI=40199
OUT_DIR=$HERE/results
CLIENT_ADDR=10.78.0.1
SERVER_ADDR=10.78.0.2
SERVER_PORT=8080

die() { echo "port_exhaustion: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
    case "$1" in
        --rate) RATE=${2:?}; shift 2 ;;
        --duration) DURATION=${2:?}; shift 2 ;;
        --tail) TAIL=${2:?}; shift 2 ;;
        --tw-reuse) TW_REUSE=1; shift ;;
        --server-close) SERVER_CLOSE=1; shift ;;
        --ports) PORT_LO=${2%-*}; PORT_HI=${2#*-}; shift 2 ;;
        --out-dir) OUT_DIR=${2:?}; shift 2 ;;
        -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown option $1 (see --help)" ;;
    esac
done

[[ $RATE =~ ^[0-9]+([.][0-9]+)?$ ]] || die "--rate must be a number"
awk -v r="$RATE" 'BEGIN { exit !(r > 0 && r <= 100) }' || die "--rate must be in (0, 100]"
[[ $DURATION =~ ^[0-9]+$ ]] && (( DURATION > 0 && DURATION <= 1800 )) || die "--duration must be 1..1800"
[[ $TAIL =~ ^[0-9]+$ ]] && (( TAIL <= 300 )) || die "--tail must be 0..300"
[[ $PORT_LO =~ ^[0-9]+$ && $PORT_HI =~ ^[0-9]+$ ]] && (( 1024 <= PORT_LO && PORT_LO < PORT_HI && PORT_HI <= 65535 )) \
    || die "--ports must be LO-HI with 1024 <= LO < HI <= 65535"
(( EUID == 0 )) || die "must run as root (it creates network namespaces)"
for cmd in ip ss sysctl gcc awk; do command -v "$cmd" >/dev/null || die "needs $cmd"; done

MODE=clientclose; (( SERVER_CLOSE )) && MODE=serverclose
NAME=port_exhaustion_r${RATE}
(( TW_REUSE )) && NAME+=_twreuse
(( SERVER_CLOSE )) && NAME+=_serverclose
mkdir -p "$OUT_DIR"

NS_C=fwlab-cli-$$
NS_S=fwlab-srv-$$
WORK=$(mktemp -d /tmp/fwlab.XXXXXX)
SERVER_PID=""
CLIENT_PID=""
SAMPLER_PID=""

cleanup() {
    set +e
    local pid
    for pid in "$SAMPLER_PID" "$CLIENT_PID" "$SERVER_PID"; do
        [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
    done
    for pid in "$SAMPLER_PID" "$CLIENT_PID" "$SERVER_PID"; do
        [ -n "$pid" ] && wait "$pid" 2>/dev/null
    done
    ip netns del "$NS_C" 2>/dev/null
    ip netns del "$NS_S" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- build the client and server (a second or two of one core) ---------------------------
gcc -O2 -Wall -o "$WORK/fwlab_server" "$HERE/fwlab_server.c"
gcc -O2 -Wall -o "$WORK/fwlab_client" "$HERE/fwlab_client.c" -lm

# --- two namespaces joined by a veth pair ---------------------------------------------------
ip netns add "$NS_C"
ip netns add "$NS_S"
ip -n "$NS_C" link add veth-c type veth peer name veth-s netns "$NS_S"
ip -n "$NS_C" addr add "$CLIENT_ADDR/24" dev veth-c
ip -n "$NS_S" addr add "$SERVER_ADDR/24" dev veth-s
for ns in "$NS_C" "$NS_S"; do ip -n "$ns" link set lo up; done
ip -n "$NS_C" link set veth-c up
ip -n "$NS_S" link set veth-s up

ip netns exec "$NS_C" sysctl -qw net.ipv4.ip_local_port_range="$PORT_LO $PORT_HI"
ip netns exec "$NS_C" sysctl -qw net.ipv4.tcp_tw_reuse="$TW_REUSE"
ip netns exec "$NS_S" sysctl -qw net.ipv4.tcp_tw_reuse=0

# The values actually in effect, as each namespace reports them.
SYSCTL_KEYS=(net.ipv4.ip_local_port_range net.ipv4.ip_local_reserved_ports net.ipv4.tcp_tw_reuse
             net.ipv4.tcp_tw_reuse_delay net.ipv4.tcp_timestamps net.ipv4.tcp_max_tw_buckets
             net.ipv4.tcp_fin_timeout)
sysctl_report() { # NS LABEL
    local key val
    for key in "${SYSCTL_KEYS[@]}"; do
        val=$(ip netns exec "$1" sysctl -n "$key" 2>/dev/null | tr '\t' ' ') || val="(absent)"
        printf 'sysctl %s %s = %s\n' "$2" "$key" "${val:-(empty)}"
    done
}

# --- server ----------------------------------------------------------------------------------
ip netns exec "$NS_S" "$WORK/fwlab_server" -a "$SERVER_ADDR" -p "$SERVER_PORT" -m "$MODE" \
    -d $(( DURATION + TAIL + 60 )) 2>"$WORK/server.log" &
SERVER_PID=$!
for _ in $(seq 1 50); do
    ip netns exec "$NS_S" ss -ltnH "sport = :$SERVER_PORT" | grep -q . && break
    sleep 0.1
done
ip netns exec "$NS_S" ss -ltnH "sport = :$SERVER_PORT" | grep -q . || die "server did not start"

# --- once-a-second sampler ---------------------------------------------------------------------
now_us() { NOW=${EPOCHREALTIME/[.,]/}; }

# Counts one namespace's TCP sockets by state (ss -tanH lists every state, so its TIME-WAIT
# lines are what `ss -tanH state time-wait | wc -l` counts), plus the kernel's own tw count
# from /proc/net/sockstat as a cross-check.
count_states() { # NS
    ip netns exec "$1" sh -c 'ss -tanH; cat /proc/net/sockstat' | awk '
        $1 == "TCP:" { for (i = 2; i < NF; i++) if ($i == "tw") tw = $(i + 1); next }
        $1 ~ /:$/ { next }
        NF > 0 { n[$1]++ }
        END { printf "%d,%d,%d,%d,%d,%d,%d,%d,%d,%d", n["ESTAB"], n["SYN-SENT"], n["SYN-RECV"],
              n["FIN-WAIT-1"], n["FIN-WAIT-2"], n["TIME-WAIT"], n["CLOSE-WAIT"], n["LAST-ACK"],
              n["CLOSING"], tw }'
}

STATE_COLS="estab,syn_sent,syn_recv,fin_wait1,fin_wait2,time_wait,close_wait,last_ack,closing,sockstat_tw"

# Sample k is taken at T0 + k + 0.5 s, in the middle of second k; bounded to N samples.
sample_loop() { # T0_US N
    local t0=$1 n=$2 k delay c s
    echo "k,t_s,c_${STATE_COLS//,/,c_},s_${STATE_COLS//,/,s_}"
    for (( k = 0; k < n; k++ )); do
        now_us
        delay=$(( t0 + k * 1000000 + 500000 - NOW ))
        (( delay > 0 )) && sleep "$(printf '%d.%06d' $(( delay / 1000000 )) $(( delay % 1000000 )))"
        now_us
        local t=$(( NOW - t0 ))
        c=$(count_states "$NS_C")
        s=$(count_states "$NS_S")
        printf '%d,%d.%06d,%s,%s\n' "$k" $(( t / 1000000 )) $(( t % 1000000 )) "$c" "$s"
    done
}

# --- run -------------------------------------------------------------------------------------
now_us
T0=$(( NOW + 1500000 ))   # common time origin of client and sampler, 1.5 s from now
NSAMPLES=$(( DURATION + TAIL ))
echo "port_exhaustion: $NAME: rate $RATE/s for ${DURATION}s, ports $PORT_LO-$PORT_HI," \
     "tcp_tw_reuse=$TW_REUSE, $MODE (about $(( DURATION + TAIL + 3 )) s)" >&2

sample_loop "$T0" "$NSAMPLES" >"$WORK/samples.csv" &
SAMPLER_PID=$!
ip netns exec "$NS_C" "$WORK/fwlab_client" -a "$SERVER_ADDR" -p "$SERVER_PORT" -r "$RATE" \
    -d "$DURATION" -m "$MODE" -T "$T0" -o "$WORK/attempts.csv" -t 1000 2>"$WORK/client.log" &
CLIENT_PID=$!
wait "$CLIENT_PID"; CLIENT_PID=""
wait "$SAMPLER_PID"; SAMPLER_PID=""
kill -TERM "$SERVER_PID"; wait "$SERVER_PID" || true; SERVER_PID=""

# Kernel counters of each namespace (fresh namespaces start at zero, so absolute = this run).
NSTAT_KEYS='TcpActiveOpens|TcpPassiveOpens|TcpAttemptFails|TcpEstabResets|TcpOutRsts|TcpExtTW|TcpExtTWRecycled|TcpExtTWKilled|TcpExtTCPTimeWaitOverflow|TcpExtTCPAbortOnData|TcpExtPAWSEstab|TcpExtPAWSActive'
nstat_report() { # NS LABEL
    if command -v nstat >/dev/null; then
        ip netns exec "$1" nstat -asz 2>/dev/null | awk -v l="$2" -v re="^($NSTAT_KEYS)\$" \
            '$1 ~ re { printf "nstat %s %s = %s\n", l, $1, $2 }'
    fi
}

# --- results -----------------------------------------------------------------------------------
CSV=$OUT_DIR/$NAME.csv
STATES=$OUT_DIR/${NAME}_states.csv
ATTEMPTS=$OUT_DIR/${NAME}_attempts.csv
SUMMARY=$OUT_DIR/${NAME}_summary.txt

cp "$WORK/attempts.csv" "$ATTEMPTS"
cut -d, -f2- "$WORK/samples.csv" >"$STATES"

# One row per second k: attempts scheduled in [k, k+1) (attempt i is scheduled at i/RATE), and
# the TIME_WAIT counts of sample k (taken at about k + 0.5 s).
awk -F, -v rate="$RATE" -v nrows="$NSAMPLES" '
    FNR == 1 { next }
    FILENAME == ARGV[1] {           # samples.csv
        k = $1 + 0; twc[k] = $8; tws[k] = $18; next
    }
    {                               # attempts.csv
        k = int($1 / rate + 1e-9)
        att[k]++
        if ($3 == "ok") ok[k]++
        else if ($4 == "EADDRNOTAVAIL") ea[k]++
        else oth[k]++
    }
    END {
        print "t_s,attempts,connected,eaddrnotavail,other_errors,time_wait_client,time_wait_server"
        for (k = 0; k < nrows; k++)
            printf "%d,%d,%d,%d,%d,%d,%d\n", k, att[k], ok[k], ea[k], oth[k], twc[k], tws[k]
    }' "$WORK/samples.csv" "$WORK/attempts.csv" >"$CSV"

{
    echo "run: $NAME"
    echo "kernel: $(uname -r)"
    echo "date_utc: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "rate_per_s: $RATE"
    echo "duration_s: $DURATION"
    echo "tail_s: $TAIL"
    echo "close_mode: $MODE"
    echo "client: $CLIENT_ADDR (netns), server: $SERVER_ADDR:$SERVER_PORT (netns), veth pair"
    sysctl_report "$NS_C" client
    sysctl_report "$NS_S" server
    echo "client_log: $(cat "$WORK/client.log")"
    echo "server_log: $(tail -n 1 "$WORK/server.log")"
    awk -F, -v rate="$RATE" -v dur="$DURATION" -v plo="$PORT_LO" -v phi="$PORT_HI" '
        NR == 1 { next }
        {
            n++; t = $2 + 0
            if ($3 == "ok") {
                nok++
                p = $6 + 0
                if (!(p in used)) { used[p] = 1; nports++ }
                if (p in lastclose) {
                    gap = t - lastclose[p]
                    if (ngap == 0 || gap < gmin) gmin = gap
                    if (ngap == 0 || gap > gmax) gmax = gap
                    gsum += gap; ngap++
                }
                lastclose[p] = $8 + 0
                if (first_fail == "") {
                    okb++
                    if (p % 2 == 0) even_b++; else odd_b++
                    if (p % 2 == 1 && first_odd == "") first_odd = okb
                } else {
                    ok_after++
                    if (t < first_fail + 60) ok_60++
                }
                if (infail) { printf "failure_window: %.3f..%.3f s, %d EADDRNOTAVAIL in a row\n", fstart, flast, fcount; infail = 0 }
            } else if ($4 == "EADDRNOTAVAIL") {
                nea++
                if (first_fail == "") { first_fail = t; first_fail_seq = $1 }
                if (!infail) { infail = 1; fstart = t; fcount = 0 }
                flast = t; fcount++
            } else {
                noth++
                printf "other_error: t=%.3f %s at %s\n", t, $4, $5
            }
        }
        END {
            if (infail) printf "failure_window: %.3f..%.3f s, %d EADDRNOTAVAIL in a row (until the end)\n", fstart, flast, fcount
            printf "attempts: %d, connected: %d, eaddrnotavail: %d, other_errors: %d\n", n, nok, nea, noth
            printf "ports_in_range: %d, distinct_local_ports_used: %d\n", phi - plo + 1, nports
            if (first_fail == "") {
                print "first_eaddrnotavail_s: none"
            } else {
                printf "first_eaddrnotavail_s: %.3f (attempt #%d; theory: ports/rate = %.1f s)\n", first_fail, first_fail_seq, (phi - plo + 1) / rate
                printf "connected_before_first_failure: %d (even ports %d, odd ports %d; first odd port at success #%s)\n", okb, even_b, odd_b, (first_odd == "" ? "none" : first_odd)
                span = dur - first_fail
                printf "connected_after_first_failure: %d in %.1f s = %.2f/s (theory: ports/60 s = %.2f/s)\n", ok_after, span, ok_after / span, (phi - plo + 1) / 60
                if (span >= 60) printf "connected_in_60s_after_first_failure: %d = %.2f/s\n", ok_60, ok_60 / 60
            }
            if (ngap) printf "port_reuse_gap_s (close of previous use -> new attempt on that port): min %.2f, mean %.2f, max %.2f over %d reuses\n", gmin, gsum / ngap, gmax, ngap
        }' "$ATTEMPTS"
    awk -F, 'NR > 1 {
            if ($6 > pc) { pc = $6; tc = $1 }
            if ($7 > ps) { ps = $7; ts = $1 }
        }
        END {
            printf "peak_time_wait_client: %d (first at t=%d s)\n", pc, tc
            printf "peak_time_wait_server: %d (first at t=%d s)\n", ps, ts
        }' "$CSV"
    # states.csv columns: 1 t_s, 2-11 client (estab syn_sent syn_recv fin_wait1 fin_wait2
    # time_wait close_wait last_ack closing sockstat_tw), 12-21 the same for the server.
    awk -F, 'NR == 1 { next }
        { for (i = 2; i <= NF; i++) if ($i + 0 > mx[i]) mx[i] = $i + 0 }
        END {
            for (side = 0; side < 2; side++) {
                b = 2 + 10 * side
                printf "peak_states_%s: estab %d, syn_sent %d, syn_recv %d, fin_wait1 %d, fin_wait2 %d, time_wait %d, close_wait %d, last_ack %d, closing %d, sockstat_tw %d\n", (side ? "server" : "client"), mx[b], mx[b+1], mx[b+2], mx[b+3], mx[b+4], mx[b+5], mx[b+6], mx[b+7], mx[b+8], mx[b+9]
            }
        }' "$STATES"
    echo "time_wait_every_10s (t_s: client/server):"
    awk -F, 'NR > 1 && $1 % 10 == 0 { printf "  %3d: %d/%d\n", $1, $6, $7 }' "$CSV"
    nstat_report "$NS_C" client
    nstat_report "$NS_S" server
} >"$SUMMARY"

cat "$SUMMARY"
echo "port_exhaustion: wrote $CSV $STATES $ATTEMPTS $SUMMARY" >&2
