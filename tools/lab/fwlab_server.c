/*
 * fwlab_server.c - tiny TCP server for tools/lab/port_exhaustion.sh.
 *
 * Listens on ADDR:PORT. For each connection: read a fixed-size request,
 * write a fixed-size reply, then either
 *   - clientclose mode: wait until the client's FIN arrives (read() == 0)
 *     and only then close(), so the CLIENT is the active closer and holds
 *     TIME_WAIT; or
 *   - serverclose mode: close() right after the reply, so the SERVER is the
 *     active closer and holds TIME_WAIT.
 *
 * Single-threaded, epoll, non-blocking. Stops on SIGTERM/SIGINT or after
 * -d SECONDS at the latest (bounded lifetime). Prints counters on exit.
 *
 * Build: gcc -O2 -Wall -o fwlab_server fwlab_server.c
 * Usage: fwlab_server -a 10.78.0.2 -p 8080 -m clientclose|serverclose -d 200
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "fwlab_proto.h"

#define MAX_FD 65536

enum { ST_READ_REQ, ST_WRITE_REP, ST_WAIT_FIN };

struct conn {
    int active;
    int state;
    size_t got;  /* request bytes read */
    size_t sent; /* reply bytes written */
};

static struct conn conns[MAX_FD];
static volatile sig_atomic_t stop_flag;

static void on_signal(int sig) { (void)sig; stop_flag = 1; }

static double now_mono(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static unsigned long n_accepted, n_closed_after_fin, n_closed_by_server,
    n_errors, n_bad_request;

static void drop(int ep, int fd)
{
    epoll_ctl(ep, EPOLL_CTL_DEL, fd, NULL);
    conns[fd].active = 0;
    close(fd);
}

int main(int argc, char **argv)
{
    const char *addr = "10.78.0.2";
    int port = 8080, server_close = 0;
    double max_secs = 300;
    int opt;

    while ((opt = getopt(argc, argv, "a:p:m:d:")) != -1) {
        switch (opt) {
        case 'a': addr = optarg; break;
        case 'p': port = atoi(optarg); break;
        case 'm':
            if (!strcmp(optarg, "serverclose")) server_close = 1;
            else if (!strcmp(optarg, "clientclose")) server_close = 0;
            else { fprintf(stderr, "bad mode %s\n", optarg); return 2; }
            break;
        case 'd': max_secs = atof(optarg); break;
        default:
            fprintf(stderr, "usage: %s -a ADDR -p PORT -m clientclose|serverclose -d SECONDS\n", argv[0]);
            return 2;
        }
    }
    if (max_secs <= 0 || max_secs > 3600) { fprintf(stderr, "-d must be in (0, 3600]\n"); return 2; }

    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    signal(SIGPIPE, SIG_IGN);

    int ls = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (ls < 0) { perror("socket"); return 1; }
    int one = 1;
    setsockopt(ls, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in sin;
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(port);
    if (inet_pton(AF_INET, addr, &sin.sin_addr) != 1) { fprintf(stderr, "bad address %s\n", addr); return 2; }
    if (bind(ls, (struct sockaddr *)&sin, sizeof sin) < 0) { perror("bind"); return 1; }
    if (listen(ls, 1024) < 0) { perror("listen"); return 1; }

    int ep = epoll_create1(EPOLL_CLOEXEC);
    if (ep < 0) { perror("epoll_create1"); return 1; }
    struct epoll_event ev = { .events = EPOLLIN, .data.fd = ls };
    epoll_ctl(ep, EPOLL_CTL_ADD, ls, &ev);

    fprintf(stderr, "fwlab_server: listening on %s:%d mode=%s max %.0fs\n",
            addr, port, server_close ? "serverclose" : "clientclose", max_secs);

    const double deadline = now_mono() + max_secs;
    struct epoll_event evs[64];
    char buf[512];

    while (!stop_flag && now_mono() < deadline) {
        int n = epoll_wait(ep, evs, 64, 200);
        if (n < 0) {
            if (errno == EINTR) continue;
            perror("epoll_wait");
            break;
        }
        for (int i = 0; i < n; i++) {
            int fd = evs[i].data.fd;
            if (fd == ls) {
                for (int k = 0; k < 64; k++) { /* bounded accept burst */
                    int c = accept4(ls, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
                    if (c < 0) {
                        if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) n_errors++;
                        break;
                    }
                    if (c >= MAX_FD) { close(c); n_errors++; continue; }
                    n_accepted++;
                    conns[c] = (struct conn){ .active = 1, .state = ST_READ_REQ };
                    struct epoll_event cev = { .events = EPOLLIN | EPOLLRDHUP, .data.fd = c };
                    epoll_ctl(ep, EPOLL_CTL_ADD, c, &cev);
                }
                continue;
            }
            struct conn *cn = &conns[fd];
            if (!cn->active) continue;

            if (cn->state == ST_READ_REQ) {
                ssize_t r = read(fd, buf, sizeof buf);
                if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
                if (r <= 0) { n_errors++; drop(ep, fd); continue; }
                cn->got += (size_t)r;
                if (cn->got < FWLAB_REQ_LEN) continue;
                if (cn->got > FWLAB_REQ_LEN) n_bad_request++;
                cn->state = ST_WRITE_REP;
            }
            if (cn->state == ST_WRITE_REP) {
                ssize_t w = write(fd, FWLAB_REP + cn->sent, FWLAB_REP_LEN - cn->sent);
                if (w < 0 && (errno == EAGAIN || errno == EINTR)) {
                    struct epoll_event cev = { .events = EPOLLOUT, .data.fd = fd };
                    epoll_ctl(ep, EPOLL_CTL_MOD, fd, &cev);
                    continue;
                }
                if (w < 0) { n_errors++; drop(ep, fd); continue; }
                cn->sent += (size_t)w;
                if (cn->sent < FWLAB_REP_LEN) {
                    struct epoll_event cev = { .events = EPOLLOUT, .data.fd = fd };
                    epoll_ctl(ep, EPOLL_CTL_MOD, fd, &cev);
                    continue;
                }
                if (server_close) {
                    /* Active close by the server: the request was read in
                     * full, so close() sends a FIN (not a RST). */
                    n_closed_by_server++;
                    drop(ep, fd);
                    continue;
                }
                cn->state = ST_WAIT_FIN;
                struct epoll_event cev = { .events = EPOLLIN | EPOLLRDHUP, .data.fd = fd };
                epoll_ctl(ep, EPOLL_CTL_MOD, fd, &cev);
                continue;
            }
            if (cn->state == ST_WAIT_FIN) {
                ssize_t r = read(fd, buf, sizeof buf);
                if (r < 0 && (errno == EAGAIN || errno == EINTR)) continue;
                if (r == 0) { n_closed_after_fin++; drop(ep, fd); continue; }
                if (r < 0) { n_errors++; drop(ep, fd); continue; }
                n_bad_request++; /* unexpected extra bytes; keep waiting for FIN */
            }
        }
    }

    unsigned long still_open = 0;
    for (int fd = 0; fd < MAX_FD; fd++)
        if (conns[fd].active) { still_open++; close(fd); }
    close(ls);
    fprintf(stderr,
            "fwlab_server: accepted=%lu closed_after_client_fin=%lu closed_by_server=%lu "
            "errors=%lu bad_request=%lu still_open_at_exit=%lu\n",
            n_accepted, n_closed_after_fin, n_closed_by_server, n_errors, n_bad_request, still_open);
    return 0;
}
