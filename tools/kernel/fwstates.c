/*
 * fwstates - polls the kernel's TCP state of one connection and prints the
 * changes. Run it inside the end's network namespace.
 *
 *   fwstates LABEL LOCAL_IP LOCAL_PORT REMOTE_IP REMOTE_PORT INTERVAL_US MAX_MS LINGER_MS
 *
 * Every INTERVAL_US it asks the kernel for its IPv4 TCP sockets over
 * NETLINK_SOCK_DIAG (inet_diag, the interface `ss -tan` uses; all states but
 * LISTEN, including TIME_WAIT and SYN_RECV mini-sockets) and picks the one
 * with this exact 4-tuple. A dump walks the namespace's whole established
 * hash table: give the namespace a small one of its own (sysctl
 * net.ipv4.tcp_child_ehash_entries in the namespace that creates it), or each
 * poll walks the host's (about 1 ms of CPU for 256 K buckets). Whenever its state differs from the last poll it prints
 *
 *   <unix_time_us> <LABEL> <STATE>
 *
 * where the time (CLOCK_REALTIME, the clock of pcap timestamps) is taken just
 * before the poll that first saw the state: the change happened after the
 * previous poll. A socket that is absent is CLOSED (also before it exists).
 * It stops MAX_MS after start, LINGER_MS after the socket reached TIME_WAIT
 * or disappeared (having been seen), or on SIGTERM/SIGINT, and then prints a
 * comment line "# <LABEL> polls N, longest gap between polls G us, stopped: WHY".
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/sock_diag.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t stop_requested;

static void on_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static long long now_us(clockid_t clk)
{
    struct timespec ts;
    clock_gettime(clk, &ts);
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

/* Linux TCP state numbers (include/net/tcp_states.h) to RFC 793 names. */
static const char *state_name(int s)
{
    switch (s) {
    case 1: return "ESTABLISHED";
    case 2: return "SYN_SENT";
    case 3: return "SYN_RECV";
    case 4: return "FIN_WAIT_1";
    case 5: return "FIN_WAIT_2";
    case 6: return "TIME_WAIT";
    case 7: return "CLOSED";
    case 8: return "CLOSE_WAIT";
    case 9: return "LAST_ACK";
    case 10: return "LISTEN";
    case 11: return "CLOSING";
    case 12: return "SYN_RECV"; /* TCP_NEW_SYN_RECV: a request mini-socket */
    default: return "UNKNOWN";
    }
}

struct tuple {
    struct in_addr lip, rip;
    unsigned short lport, rport; /* network byte order */
};

/* One dump; returns the state of the matching socket, 7 (CLOSED) if none,
 * or -1 on error. */
static int poll_state(int nl, const struct tuple *t)
{
    struct {
        struct nlmsghdr nlh;
        struct inet_diag_req_v2 req;
    } msg;
    memset(&msg, 0, sizeof msg);
    msg.nlh.nlmsg_len = sizeof msg;
    msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
    msg.nlh.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    msg.req.sdiag_family = AF_INET;
    msg.req.sdiag_protocol = IPPROTO_TCP;
    /* States 1..12 (TCP_ESTABLISHED..TCP_NEW_SYN_RECV) but LISTEN (10), as
     * `ss -tan` asks (it adds LISTEN). Not LISTEN: the listener is not the
     * connection. Not 13 (TCP_BOUND_INACTIVE, bound-only sockets): the kernel
     * walks its whole, global bind hash for it, ~0.3 ms a dump. */
    msg.req.idiag_states = 0x1ffeU & ~(1U << 10);
    if (send(nl, &msg, sizeof msg, 0) < 0)
        return -1;

    int state = 7;
    static char buf[32768];
    for (;;) {
        ssize_t n = recv(nl, buf, sizeof buf, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        for (struct nlmsghdr *h = (struct nlmsghdr *)buf; NLMSG_OK(h, (size_t)n);
             h = NLMSG_NEXT(h, n)) {
            if (h->nlmsg_type == NLMSG_DONE)
                return state;
            if (h->nlmsg_type == NLMSG_ERROR)
                return -1;
            struct inet_diag_msg *d = NLMSG_DATA(h);
            if (d->id.idiag_sport == t->lport && d->id.idiag_dport == t->rport &&
                d->id.idiag_src[0] == t->lip.s_addr && d->id.idiag_dst[0] == t->rip.s_addr)
                state = d->idiag_state;
        }
    }
}

int main(int argc, char **argv)
{
    if (argc != 9) {
        fprintf(stderr, "usage: fwstates LABEL LOCAL_IP LOCAL_PORT REMOTE_IP REMOTE_PORT "
                        "INTERVAL_US MAX_MS LINGER_MS\n");
        return 2;
    }
    const char *label = argv[1];
    struct tuple t;
    if (inet_pton(AF_INET, argv[2], &t.lip) != 1 || inet_pton(AF_INET, argv[4], &t.rip) != 1) {
        fprintf(stderr, "fwstates: bad address\n");
        return 2;
    }
    t.lport = htons((unsigned short)atoi(argv[3]));
    t.rport = htons((unsigned short)atoi(argv[5]));
    long long interval = atoll(argv[6]);
    long long max_us = atoll(argv[7]) * 1000LL;
    long long linger_us = atoll(argv[8]) * 1000LL;
    if (interval < 100 || interval > 100000 || max_us <= 0 || max_us > 60000000LL) {
        fprintf(stderr, "fwstates: interval 100..100000 us, max 1..60000 ms\n");
        return 2;
    }

    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);

    int nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
    if (nl < 0) {
        perror("fwstates: netlink socket");
        return 2;
    }

    long long start = now_us(CLOCK_MONOTONIC), last_poll = -1, longest_gap = 0;
    long long terminal_since = -1, polls = 0;
    int last = -1, seen = 0;
    const char *why = "time limit";
    struct timespec next;
    clock_gettime(CLOCK_MONOTONIC, &next);

    while (!stop_requested) {
        long long mono = now_us(CLOCK_MONOTONIC);
        if (mono - start >= max_us)
            break;
        long long wall = now_us(CLOCK_REALTIME);
        int s = poll_state(nl, &t);
        if (s < 0) {
            perror("fwstates: sock_diag dump");
            return 2;
        }
        polls++;
        if (last_poll >= 0 && mono - last_poll > longest_gap)
            longest_gap = mono - last_poll;
        last_poll = mono;
        if (s == 12)
            s = 3; /* both are SYN_RECV */
        if (s != last) {
            printf("%lld %s %s\n", wall, label, state_name(s));
            fflush(stdout);
            last = s;
        }
        if (s != 7)
            seen = 1;
        if (s == 6 || (s == 7 && seen)) {
            if (terminal_since < 0)
                terminal_since = mono;
            if (mono - terminal_since >= linger_us) {
                why = s == 6 ? "linger after TIME_WAIT" : "linger after CLOSED";
                break;
            }
        } else {
            terminal_since = -1;
        }
        next.tv_nsec += (long)(interval * 1000);
        while (next.tv_nsec >= 1000000000L) {
            next.tv_nsec -= 1000000000L;
            next.tv_sec++;
        }
        if (now_us(CLOCK_MONOTONIC) > (long long)next.tv_sec * 1000000LL + next.tv_nsec / 1000)
            clock_gettime(CLOCK_MONOTONIC, &next); /* late: do not try to catch up */
        else
            while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL) == EINTR &&
                   !stop_requested)
                ;
    }
    if (stop_requested)
        why = "signal";
    printf("# %s polls %lld, longest gap between polls %lld us, stopped: %s\n", label, polls,
           longest_gap, why);
    return 0;
}
