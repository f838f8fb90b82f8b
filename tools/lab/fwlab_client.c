/*
 * fwlab_client.c - paced TCP client for tools/lab/port_exhaustion.sh.
 *
 * Opens connections to ADDR:PORT at a fixed rate R per second for D seconds
 * (at most ceil(R*D) attempts). Each attempt: socket(), non-blocking
 * connect() (EINPROGRESS, then poll() with a timeout), send the request,
 * read the reply, then
 *   - clientclose mode: close() at once (the client is the active closer and
 *     its side holds TIME_WAIT);
 *   - serverclose mode: wait for the server's FIN (read() == 0), then close()
 *     (the server is the active closer).
 *
 * Attempt i is started at T0 + i/R. T0 is a CLOCK_REALTIME instant given
 * with -T (microseconds since the epoch) so that the sampler in the shell
 * script shares the same time origin; the pacing itself uses
 * CLOCK_MONOTONIC. If an attempt runs late the next one starts at once (no
 * catch-up burst beyond that).
 *
 * One CSV line per attempt on stdout-or--o FILE:
 *   seq,t_s,result,errno_name,stage,local_port,connect_ms,t_close_s
 * t_s is the attempt's start, t_close_s the moment close() returned (both
 * seconds since T0). result is "ok" or "err"; stage is where it failed
 * (socket, connect, send, recv, eof) or "-".
 *
 * Build: gcc -O2 -Wall -o fwlab_client fwlab_client.c
 * Usage: fwlab_client -a 10.78.0.2 -p 8080 -r 5 -d 150 -m clientclose
 *                     -T T0_US -o attempts.csv [-t TIMEOUT_MS]
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "fwlab_proto.h"

static int64_t t0_us; /* CLOCK_REALTIME origin */

static int64_t realtime_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static double rel_s(void) { return (realtime_us() - t0_us) / 1e6; }

static double mono_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void sleep_until_mono(double t)
{
    struct timespec ts;
    ts.tv_sec = (time_t)t;
    ts.tv_nsec = (long)((t - (double)ts.tv_sec) * 1e9);
    if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts, NULL) == EINTR) {}
}

static const char *errname(int e)
{
    const char *n = strerrorname_np(e); /* glibc >= 2.32 */
    return n ? n : "UNKNOWN";
}

/* Waits for `events` on fd for at most timeout_ms; returns revents, 0 on timeout. */
static int wait_fd(int fd, short events, int timeout_ms)
{
    struct pollfd p = { .fd = fd, .events = events };
    double end = mono_s() + timeout_ms / 1000.0;
    for (;;) {
        int left = (int)((end - mono_s()) * 1000.0);
        if (left < 0) left = 0;
        int r = poll(&p, 1, left);
        if (r > 0) return p.revents;
        if (r == 0) return 0;
        if (errno != EINTR) return POLLERR;
    }
}

struct result {
    int ok;
    int err;          /* errno, or a negative pseudo error below */
    const char *stage;
    int local_port;
    double connect_ms;
};

#define E_TIMEOUT -1
#define E_SHORT -2
#define E_EXTRA -3

static const char *err_label(int e)
{
    switch (e) {
    case E_TIMEOUT: return "TIMEOUT";
    case E_SHORT: return "SHORT_REPLY";
    case E_EXTRA: return "EXTRA_DATA";
    default: return errname(e);
    }
}

static void attempt(const struct sockaddr_in *dst, int server_close, int timeout_ms,
                    struct result *res, double *t_close)
{
    memset(res, 0, sizeof *res);
    res->stage = "-";
    res->local_port = -1;

    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) { res->err = errno; res->stage = "socket"; *t_close = rel_s(); return; }

    double c0 = mono_s();
    int r = connect(fd, (const struct sockaddr *)dst, sizeof *dst);
    if (r < 0 && errno != EINPROGRESS) {
        /* EADDRNOTAVAIL comes back here, synchronously: the kernel could not
         * find a free local port for this destination. */
        res->err = errno; res->stage = "connect"; goto out;
    }
    if (r < 0) {
        int ev = wait_fd(fd, POLLOUT, timeout_ms);
        if (ev == 0) { res->err = E_TIMEOUT; res->stage = "connect"; goto out; }
        int soerr = 0; socklen_t sl = sizeof soerr;
        getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl);
        if (soerr) { res->err = soerr; res->stage = "connect"; goto out; }
    }
    res->connect_ms = (mono_s() - c0) * 1000.0;
    {
        struct sockaddr_in me; socklen_t ml = sizeof me;
        if (getsockname(fd, (struct sockaddr *)&me, &ml) == 0) res->local_port = ntohs(me.sin_port);
    }

    /* The request is 16 bytes: one send() on a fresh connection takes it all. */
    ssize_t w = send(fd, FWLAB_REQ, FWLAB_REQ_LEN, MSG_NOSIGNAL);
    if (w != (ssize_t)FWLAB_REQ_LEN) { res->err = w < 0 ? errno : E_SHORT; res->stage = "send"; goto out; }

    char buf[256];
    size_t got = 0;
    while (got < FWLAB_REP_LEN) {
        int ev = wait_fd(fd, POLLIN, timeout_ms);
        if (ev == 0) { res->err = E_TIMEOUT; res->stage = "recv"; goto out; }
        ssize_t n = recv(fd, buf + got, sizeof buf - got, 0);
        if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
        if (n < 0) { res->err = errno; res->stage = "recv"; goto out; }
        if (n == 0) { res->err = E_SHORT; res->stage = "recv"; goto out; }
        got += (size_t)n;
    }
    if (got > FWLAB_REP_LEN) { res->err = E_EXTRA; res->stage = "recv"; goto out; }

    if (server_close) {
        /* Let the server close first: wait for its FIN before our close(). */
        for (;;) {
            int ev = wait_fd(fd, POLLIN, timeout_ms);
            if (ev == 0) { res->err = E_TIMEOUT; res->stage = "eof"; goto out; }
            ssize_t n = recv(fd, buf, sizeof buf, 0);
            if (n == 0) break;
            if (n < 0 && (errno == EAGAIN || errno == EINTR)) continue;
            if (n < 0) { res->err = errno; res->stage = "eof"; goto out; }
            res->err = E_EXTRA; res->stage = "eof"; goto out;
        }
    }
    res->ok = 1;
out:
    close(fd);
    *t_close = rel_s();
}

int main(int argc, char **argv)
{
    const char *addr = "10.78.0.2", *out_path = NULL;
    int port = 8080, server_close = 0, timeout_ms = 1000;
    double rate = 5, duration = 150;
    int opt;

    t0_us = 0;
    while ((opt = getopt(argc, argv, "a:p:r:d:m:T:o:t:")) != -1) {
        switch (opt) {
        case 'a': addr = optarg; break;
        case 'p': port = atoi(optarg); break;
        case 'r': rate = atof(optarg); break;
        case 'd': duration = atof(optarg); break;
        case 'm':
            if (!strcmp(optarg, "serverclose")) server_close = 1;
            else if (!strcmp(optarg, "clientclose")) server_close = 0;
            else { fprintf(stderr, "bad mode %s\n", optarg); return 2; }
            break;
        case 'T': t0_us = strtoll(optarg, NULL, 10); break;
        case 'o': out_path = optarg; break;
        case 't': timeout_ms = atoi(optarg); break;
        default:
            fprintf(stderr, "usage: %s -a ADDR -p PORT -r RATE -d SECONDS -m clientclose|serverclose "
                            "[-T T0_US] [-o FILE] [-t TIMEOUT_MS]\n", argv[0]);
            return 2;
        }
    }
    /* Bounds: this is a lab tool, not a load generator. */
    if (rate <= 0 || rate > 1000) { fprintf(stderr, "-r must be in (0, 1000]\n"); return 2; }
    if (duration <= 0 || duration > 3600) { fprintf(stderr, "-d must be in (0, 3600]\n"); return 2; }
    if (timeout_ms < 10 || timeout_ms > 10000) { fprintf(stderr, "-t must be in [10, 10000]\n"); return 2; }

    struct sockaddr_in dst;
    memset(&dst, 0, sizeof dst);
    dst.sin_family = AF_INET;
    dst.sin_port = htons(port);
    if (inet_pton(AF_INET, addr, &dst.sin_addr) != 1) { fprintf(stderr, "bad address %s\n", addr); return 2; }

    FILE *out = out_path ? fopen(out_path, "w") : stdout;
    if (!out) { perror(out_path); return 1; }
    signal(SIGPIPE, SIG_IGN);

    /* Start on the shared origin T0 (realtime), then pace with the monotonic clock. */
    if (t0_us == 0) t0_us = realtime_us();
    int64_t wait_us = t0_us - realtime_us();
    if (wait_us > 10 * 1000000LL) { fprintf(stderr, "T0 is more than 10 s away\n"); return 2; }
    double m0 = mono_s() + (wait_us > 0 ? wait_us / 1e6 : 0);
    sleep_until_mono(m0);

    const long max_attempts = (long)ceil(rate * duration - 1e-9);
    const double hard_end = m0 + duration + 2.0 * timeout_ms / 1000.0 + 5.0;
    long n_ok = 0, n_addr = 0, n_other = 0;

    fprintf(out, "seq,t_s,result,errno_name,stage,local_port,connect_ms,t_close_s\n");
    for (long i = 0; i < max_attempts; i++) {
        double due = m0 + i / rate;
        if (due > mono_s()) sleep_until_mono(due);
        if (mono_s() > hard_end) break;
        double t_start = rel_s();
        struct result res;
        double t_close;
        attempt(&dst, server_close, timeout_ms, &res, &t_close);
        if (res.ok) n_ok++;
        else if (res.err == EADDRNOTAVAIL) n_addr++;
        else n_other++;
        fprintf(out, "%ld,%.6f,%s,%s,%s,%d,%.3f,%.6f\n", i, t_start, res.ok ? "ok" : "err",
                res.ok ? "-" : err_label(res.err), res.stage, res.local_port, res.connect_ms, t_close);
    }
    if (out != stdout) fclose(out);
    fprintf(stderr, "fwlab_client: attempts=%ld ok=%ld eaddrnotavail=%ld other_errors=%ld\n",
            n_ok + n_addr + n_other, n_ok, n_addr, n_other);
    return 0;
}
