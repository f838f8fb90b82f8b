/*
 * fwpeer - one end of the test TCP connection used by capture_closes.sh.
 *
 *   fwpeer client LOCAL_IP LOCAL_PORT REMOTE_IP REMOTE_PORT CONNECT_AT_US CLOSE
 *   fwpeer server LOCAL_IP LOCAL_PORT CLOSE
 *
 * The client waits until CONNECT_AT_US (Unix time in microseconds, CLOCK_REALTIME),
 * connects, sends a 100-byte request and reads the 100-byte reply. The server
 * accepts one connection (and closes its listening socket), reads the
 * request and sends the reply. Then each end closes as CLOSE says:
 *
 *   at:US        close() at wall-clock time US (Unix microseconds)
 *   eof:MS       read until the peer's FIN (read() returns 0), wait MS
 *                milliseconds, then close()
 *
 * Both ends read everything the peer sent before close(), so close() sends a
 * FIN, not a RST. Every step is printed on stdout as "<unix_us> <event>".
 * The process exits 2 on any error and is killed by SIGALRM after 25 s.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

enum { MSG_LEN = 100, HARD_LIMIT_S = 25 };

static long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static void event(const char *fmt, ...)
{
    va_list ap;
    printf("%lld ", now_us());
    va_start(ap, fmt);
    vprintf(fmt, ap);
    va_end(ap);
    putchar('\n');
    fflush(stdout);
}

static void die(const char *what)
{
    fprintf(stderr, "fwpeer: %s: %s\n", what, strerror(errno));
    exit(2);
}

static void sleep_until_us(long long t)
{
    struct timespec ts = { .tv_sec = t / 1000000LL, .tv_nsec = (t % 1000000LL) * 1000 };
    while (clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &ts, NULL) == EINTR)
        ;
}

static struct sockaddr_in addr_of(const char *ip, const char *port)
{
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_port = htons((unsigned short)atoi(port));
    if (inet_pton(AF_INET, ip, &a.sin_addr) != 1) {
        fprintf(stderr, "fwpeer: bad address %s\n", ip);
        exit(2);
    }
    return a;
}

static void read_exactly(int fd, char *buf, size_t n)
{
    size_t got = 0;
    while (got < n) {
        ssize_t r = read(fd, buf + got, n - got);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            die("read");
        if (r == 0) {
            fprintf(stderr, "fwpeer: peer closed after %zu of %zu bytes\n", got, n);
            exit(2);
        }
        got += (size_t)r;
    }
}

static void write_all(int fd, const char *buf, size_t n)
{
    size_t put = 0;
    while (put < n) {
        ssize_t w = write(fd, buf + put, n - put);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0)
            die("write");
        put += (size_t)w;
    }
}

/* Carries out CLOSE ("at:US" or "eof:MS") on the connected socket fd. */
static void do_close(int fd, const char *spec)
{
    if (strncmp(spec, "at:", 3) == 0) {
        sleep_until_us(atoll(spec + 3));
    } else if (strncmp(spec, "eof:", 4) == 0) {
        char buf[512];
        for (;;) {
            ssize_t r = read(fd, buf, sizeof buf);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0)
                die("read (waiting for FIN)");
            if (r == 0)
                break;
            event("unexpected %zd bytes", r);
        }
        event("eof");
        long ms = atol(spec + 4);
        if (ms > 0)
            sleep_until_us(now_us() + ms * 1000LL);
    } else {
        fprintf(stderr, "fwpeer: bad CLOSE spec %s\n", spec);
        exit(2);
    }
    event("close");
    if (close(fd) != 0)
        die("close");
}

int main(int argc, char **argv)
{
    char req[MSG_LEN], rep[MSG_LEN];
    int one = 1;

    alarm(HARD_LIMIT_S);
    memset(req, 'Q', sizeof req);
    memset(rep, 'R', sizeof rep);

    if (argc == 8 && strcmp(argv[1], "client") == 0) {
        struct sockaddr_in local = addr_of(argv[2], argv[3]);
        struct sockaddr_in remote = addr_of(argv[4], argv[5]);
        int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            die("socket");
        if (setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0)
            die("SO_REUSEADDR");
        if (bind(fd, (struct sockaddr *)&local, sizeof local) != 0)
            die("bind");
        sleep_until_us(atoll(argv[6]));
        event("connect");
        if (connect(fd, (struct sockaddr *)&remote, sizeof remote) != 0)
            die("connect");
        event("connected");
        write_all(fd, req, sizeof req);
        event("sent %d", MSG_LEN);
        read_exactly(fd, rep, sizeof rep);
        event("received %d", MSG_LEN);
        do_close(fd, argv[7]);
        return 0;
    }
    if (argc == 5 && strcmp(argv[1], "server") == 0) {
        struct sockaddr_in local = addr_of(argv[2], argv[3]);
        int lfd = socket(AF_INET, SOCK_STREAM, 0);
        if (lfd < 0)
            die("socket");
        if (setsockopt(lfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) != 0)
            die("SO_REUSEADDR");
        if (bind(lfd, (struct sockaddr *)&local, sizeof local) != 0)
            die("bind");
        if (listen(lfd, 1) != 0)
            die("listen");
        event("listening");
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0)
            die("accept");
        event("accepted");
        close(lfd); /* only the one connection is of interest */
        read_exactly(fd, req, sizeof req);
        event("received %d", MSG_LEN);
        write_all(fd, rep, sizeof rep);
        event("sent %d", MSG_LEN);
        do_close(fd, argv[4]);
        return 0;
    }
    fprintf(stderr,
            "usage: fwpeer client LOCAL_IP LOCAL_PORT REMOTE_IP REMOTE_PORT CONNECT_AT_US CLOSE\n"
            "       fwpeer server LOCAL_IP LOCAL_PORT CLOSE\n"
            "CLOSE: at:UNIX_US | eof:DELAY_MS\n");
    return 2;
}
