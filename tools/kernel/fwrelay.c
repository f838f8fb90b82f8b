/*
 * fwrelay - the "wire" between A and B: a user-space delay line that can lose
 * one chosen TCP segment. Run it in the middle network namespace, between the
 * two veth ends that face A and B.
 *
 *   fwrelay IF_A IF_B DELAY_US MAX_MS [RULE...]
 *
 * Every Ethernet frame that arrives on IF_A is sent out of IF_B DELAY_US later,
 * and the other way round (one FIFO per direction, so order is kept). A RULE
 * loses exactly one frame, the first that matches it, and never another:
 *
 *   fin:IP            the first segment with FIN set sent by IP
 *   ack-after-fin:IP  the first pure ACK (ACK only, no data) sent by IP after a
 *                     FIN sent to IP has passed the relay
 *
 * The relay sees each frame at its sender's transmit time, so "after" is in
 * the order the ends sent them. For each IPv4 TCP frame it prints
 *
 *   <unix_time_us> <A>B|B>A> <flags> seq=<raw> ack=<raw> len=<n> <PASS|LOST rule N>
 *
 * and at the end one line "# rule N <spec> lost K" per rule. It stops after
 * MAX_MS or on SIGTERM/SIGINT (frames still in flight are not sent).
 *
 * Why not netem and nftables: the kernel here has no sch_netem, and a drop by
 * netfilter or tc at the receiver happens after the receiver's packet capture
 * tap, so the "lost" segment would still be in the receiver's capture.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { QCAP = 1024, FRAME_MAX = 2048, MAX_RULES = 4 };

struct frame {
    long long due; /* CLOCK_MONOTONIC, us */
    size_t len;
    unsigned char data[FRAME_MAX];
};

struct queue {
    struct frame f[QCAP];
    size_t head, count;
};

enum rule_kind { RULE_FIN, RULE_ACK_AFTER_FIN };

struct rule {
    enum rule_kind kind;
    const char *spec;
    struct in_addr ip; /* the sender whose segment is lost */
    int armed;         /* ack-after-fin: a FIN to ip has passed */
    int lost;
};

static volatile sig_atomic_t stop_requested;
static struct queue q[2]; /* q[0]: A>B, q[1]: B>A */
static struct rule rules[MAX_RULES];
static int nrules;

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

static int open_port(const char *ifname)
{
    int ifindex = (int)if_nametoindex(ifname);
    if (ifindex == 0) {
        fprintf(stderr, "fwrelay: no interface %s\n", ifname);
        exit(2);
    }
    int fd = socket(AF_PACKET, SOCK_RAW | SOCK_NONBLOCK | SOCK_CLOEXEC, htons(ETH_P_ALL));
    if (fd < 0) {
        perror("fwrelay: packet socket");
        exit(2);
    }
    struct sockaddr_ll sll;
    memset(&sll, 0, sizeof sll);
    sll.sll_family = AF_PACKET;
    sll.sll_protocol = htons(ETH_P_ALL);
    sll.sll_ifindex = ifindex;
    if (bind(fd, (struct sockaddr *)&sll, sizeof sll) != 0) {
        perror("fwrelay: bind");
        exit(2);
    }
    int one = 1;
    if (setsockopt(fd, SOL_PACKET, PACKET_IGNORE_OUTGOING, &one, sizeof one) != 0) {
        perror("fwrelay: PACKET_IGNORE_OUTGOING");
        exit(2);
    }
    struct packet_mreq mr;
    memset(&mr, 0, sizeof mr);
    mr.mr_ifindex = ifindex;
    mr.mr_type = PACKET_MR_PROMISC;
    if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof mr) != 0) {
        perror("fwrelay: promiscuous mode");
        exit(2);
    }
    /* Frames that arrived between socket() and bind() may come from anywhere. */
    unsigned char junk[FRAME_MAX];
    while (recv(fd, junk, sizeof junk, 0) > 0)
        ;
    return fd;
}

struct tcpinfo {
    int is_tcp;
    struct in_addr src, dst;
    unsigned flags;
    unsigned long seq, ack;
    unsigned len;
};

static unsigned long be32(const unsigned char *p)
{
    return ((unsigned long)p[0] << 24) | ((unsigned long)p[1] << 16) | ((unsigned long)p[2] << 8) | p[3];
}

static struct tcpinfo parse(const unsigned char *f, size_t n)
{
    struct tcpinfo t;
    memset(&t, 0, sizeof t);
    if (n < 14 + 20 || f[12] != 0x08 || f[13] != 0x00)
        return t;
    const unsigned char *ip = f + 14;
    unsigned ihl = (ip[0] & 0x0f) * 4u;
    unsigned total = ((unsigned)ip[2] << 8) | ip[3];
    if ((ip[0] >> 4) != 4 || ip[9] != IPPROTO_TCP || ihl < 20 || n < 14 + ihl + 20 || total > n - 14)
        return t;
    const unsigned char *tcp = ip + ihl;
    unsigned doff = (tcp[12] >> 4) * 4u;
    if (doff < 20 || total < ihl + doff)
        return t;
    t.is_tcp = 1;
    memcpy(&t.src, ip + 12, 4);
    memcpy(&t.dst, ip + 16, 4);
    t.flags = tcp[13];
    t.seq = be32(tcp + 4);
    t.ack = be32(tcp + 8);
    t.len = total - ihl - doff;
    return t;
}

enum { F_FIN = 0x01, F_SYN = 0x02, F_RST = 0x04, F_PSH = 0x08, F_ACK = 0x10, F_URG = 0x20 };

/* Returns the index of the rule that loses this segment, or -1. */
static int apply_rules(const struct tcpinfo *t)
{
    int lose = -1;
    for (int i = 0; i < nrules; i++) {
        struct rule *r = &rules[i];
        if (r->lost || t->src.s_addr != r->ip.s_addr || lose >= 0)
            continue;
        if (r->kind == RULE_FIN && (t->flags & F_FIN))
            lose = i;
        if (r->kind == RULE_ACK_AFTER_FIN && r->armed &&
            (t->flags & (F_FIN | F_SYN | F_RST | F_PSH | F_URG | F_ACK)) == F_ACK && t->len == 0)
            lose = i;
    }
    if (lose >= 0)
        rules[lose].lost++;
    /* A FIN (even a lost one) arms the rules on its destination. */
    if (t->flags & F_FIN)
        for (int i = 0; i < nrules; i++)
            if (rules[i].kind == RULE_ACK_AFTER_FIN && t->dst.s_addr == rules[i].ip.s_addr)
                rules[i].armed = 1;
    return lose;
}

static void flags_str(unsigned f, char *out)
{
    static const char names[] = "FSRPAUEC";
    int k = 0;
    for (int i = 0; i < 8; i++)
        if (f & (1u << i))
            out[k++] = names[i];
    if (k == 0)
        out[k++] = '.';
    out[k] = '\0';
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: fwrelay IF_A IF_B DELAY_US MAX_MS [fin:IP|ack-after-fin:IP ...]\n");
        return 2;
    }
    long long delay = atoll(argv[3]);
    long long max_us = atoll(argv[4]) * 1000LL;
    if (delay < 0 || delay > 1000000 || max_us <= 0 || max_us > 120000000LL) {
        fprintf(stderr, "fwrelay: delay 0..1000000 us, max 1..120000 ms\n");
        return 2;
    }
    for (int i = 5; i < argc; i++) {
        if (nrules == MAX_RULES) {
            fprintf(stderr, "fwrelay: at most %d rules\n", MAX_RULES);
            return 2;
        }
        struct rule *r = &rules[nrules];
        const char *ip;
        if (strncmp(argv[i], "fin:", 4) == 0) {
            r->kind = RULE_FIN;
            ip = argv[i] + 4;
        } else if (strncmp(argv[i], "ack-after-fin:", 14) == 0) {
            r->kind = RULE_ACK_AFTER_FIN;
            ip = argv[i] + 14;
        } else {
            fprintf(stderr, "fwrelay: bad rule %s\n", argv[i]);
            return 2;
        }
        if (inet_pton(AF_INET, ip, &r->ip) != 1) {
            fprintf(stderr, "fwrelay: bad rule address %s\n", ip);
            return 2;
        }
        r->spec = argv[i];
        nrules++;
    }

    signal(SIGTERM, on_signal);
    signal(SIGINT, on_signal);

    int fd[2] = { open_port(argv[1]), open_port(argv[2]) };
    printf("# relay ready: %s <-> %s, %lld us each way\n", argv[1], argv[2], delay);
    fflush(stdout);

    long long start = now_us(CLOCK_MONOTONIC);
    while (!stop_requested) {
        long long now = now_us(CLOCK_MONOTONIC);
        if (now - start >= max_us)
            break;
        /* Send what is due. */
        for (int d = 0; d < 2; d++) {
            struct queue *qq = &q[d];
            while (qq->count > 0 && qq->f[qq->head].due <= now) {
                struct frame *fr = &qq->f[qq->head];
                if (send(fd[1 - d], fr->data, fr->len, 0) < 0)
                    fprintf(stderr, "fwrelay: send: %s\n", strerror(errno));
                qq->head = (qq->head + 1) % QCAP;
                qq->count--;
            }
        }
        /* Sleep until the next frame is due, a frame arrives, or 100 ms. */
        long long wait = 100000;
        for (int d = 0; d < 2; d++)
            if (q[d].count > 0 && q[d].f[q[d].head].due - now < wait)
                wait = q[d].f[q[d].head].due - now;
        if (wait < 0)
            wait = 0;
        struct pollfd pfd[2] = { { fd[0], POLLIN, 0 }, { fd[1], POLLIN, 0 } };
        struct timespec ts = { wait / 1000000, (wait % 1000000) * 1000 };
        int pr = ppoll(pfd, 2, &ts, NULL);
        if (pr < 0 && errno != EINTR) {
            perror("fwrelay: ppoll");
            return 2;
        }
        if (pr <= 0)
            continue;
        for (int d = 0; d < 2; d++) {
            if (!(pfd[d].revents & POLLIN))
                continue;
            for (;;) {
                unsigned char buf[FRAME_MAX];
                ssize_t n = recv(fd[d], buf, sizeof buf, MSG_TRUNC);
                if (n < 0)
                    break;
                long long arrived = now_us(CLOCK_MONOTONIC);
                long long wall = now_us(CLOCK_REALTIME);
                if ((size_t)n > sizeof buf) {
                    fprintf(stderr, "fwrelay: %zd-byte frame too big, not relayed\n", n);
                    continue;
                }
                struct tcpinfo t = parse(buf, (size_t)n);
                int lose = -1;
                if (t.is_tcp) {
                    char fl[9];
                    lose = apply_rules(&t);
                    flags_str(t.flags, fl);
                    printf("%lld %s %s seq=%lu ack=%lu len=%u ", wall, d == 0 ? "A>B" : "B>A", fl,
                           t.seq, t.ack, t.len);
                    if (lose >= 0)
                        printf("LOST rule %d %s\n", lose, rules[lose].spec);
                    else
                        printf("PASS\n");
                    fflush(stdout);
                }
                if (lose >= 0)
                    continue;
                struct queue *qq = &q[d];
                if (qq->count == QCAP) {
                    fprintf(stderr, "fwrelay: queue full, frame not relayed\n");
                    continue;
                }
                struct frame *fr = &qq->f[(qq->head + qq->count) % QCAP];
                fr->due = arrived + delay;
                fr->len = (size_t)n;
                memcpy(fr->data, buf, (size_t)n);
                qq->count++;
            }
        }
    }
    for (int i = 0; i < nrules; i++)
        printf("# rule %d %s lost %d\n", i, rules[i].spec, rules[i].lost);
    return 0;
}
