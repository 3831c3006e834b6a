/* Time and waiting, compared with wasi-libc (only deterministic facts are
 * printed: return values, errno, orderings, plausibility): clock_gettime/
 * clock_getres for each clock and a bad one, clock_nanosleep (relative,
 * absolute past/future, bad clock, bad nsec), nanosleep (remaining time,
 * negative/invalid), sleep(0)/usleep, time(NULL)/time(&t), gettimeofday
 * with NULL, sched_yield, poll (no fds, timeouts, regular file, stdout,
 * closed fd, negative fd), select/pselect (timeouts, readiness, bad fd,
 * nfds out of range, NULL sets). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#define T(expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; \
  printf("%-62s -> %ld", #expr, r_); if (r_ < 0) printf(" errno=%d (%s)", e_, strerror(e_)); printf("\n"); } while (0)

static long long ns(struct timespec t) { return t.tv_sec * 1000000000LL + t.tv_nsec; }

int main(void) {
  struct timespec a, b, r;
  T(clock_gettime(CLOCK_REALTIME, &a));
  printf("realtime after 2020: %d\n", a.tv_sec > 1577836800);
  T(clock_gettime(CLOCK_MONOTONIC, &a));
  T(clock_gettime((clockid_t)99, &a));
  T(clock_getres(CLOCK_REALTIME, &r));
  printf("res realtime positive and < 1s: %d\n", ns(r) > 0 && ns(r) < 1000000000);
  T(clock_getres(CLOCK_MONOTONIC, &r));
  T(clock_getres(CLOCK_MONOTONIC, NULL));
  T(clock_getres((clockid_t)99, &r));

  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec d = {0, 2000000};
  T(clock_nanosleep(CLOCK_MONOTONIC, 0, &d, NULL));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("slept >= 2ms: %d\n", ns(b) - ns(a) >= 2000000);
  struct timespec past = {0, 1};
  T(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &past, NULL));
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec until = a; until.tv_nsec += 3000000; if (until.tv_nsec >= 1000000000) { until.tv_sec++; until.tv_nsec -= 1000000000; }
  T(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("abs sleep reached: %d\n", ns(b) >= ns(until));
  T(clock_nanosleep(CLOCK_REALTIME, 0, &d, NULL));
  T(clock_nanosleep((clockid_t)99, 0, &d, NULL));
  struct timespec badns = {0, 1000000000};
  T(clock_nanosleep(CLOCK_MONOTONIC, 0, &badns, NULL));
  struct timespec neg = {-1, 0};
  T(clock_nanosleep(CLOCK_MONOTONIC, 0, &neg, NULL));
  r.tv_sec = 77; r.tv_nsec = 77;
  T(nanosleep(&d, &r));
  printf("nanosleep rem untouched or zero: %d\n", (r.tv_sec == 77 && r.tv_nsec == 77) || (r.tv_sec == 0 && r.tv_nsec == 0));
  T(nanosleep(&badns, NULL));
  T(nanosleep(&neg, NULL));
  struct timespec zero = {0, 0};
  T(nanosleep(&zero, NULL));
  T(sleep(0));
  T(usleep(0));
  T(usleep(1000));
  T(usleep(999999));
  T(usleep(1000000));
  time_t t1 = 0, t2 = time(&t1);
  printf("time(&t) same as result: %d, after 2020: %d\n", t1 == t2, t2 > 1577836800);
  printf("time(NULL) >= t: %d\n", time(NULL) >= t2);
  struct timeval tv;
  T(gettimeofday(&tv, NULL));
  printf("gettimeofday usec in range: %d, close to time(): %d\n", tv.tv_usec >= 0 && tv.tv_usec < 1000000, tv.tv_sec - time(NULL) <= 1);
  T(gettimeofday(NULL, NULL));
  T(sched_yield());

  /* poll */
  int fd = open("/sandbox/f", O_RDWR | O_CREAT, 0644);
  write(fd, "data", 4);
  T(poll(NULL, 0, 0));
  clock_gettime(CLOCK_MONOTONIC, &a);
  T(poll(NULL, 0, 5));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("poll(0 fds, 5ms) waited: %d\n", ns(b) - ns(a) >= 5000000);
  /* Readiness of wasmtime's streams can arrive after a zero timeout, so
   * every readiness check waits (one ready fd per call: deterministic). */
  struct pollfd p[3] = {{fd, POLLOUT, 0}, {-1, POLLIN, 0}, {fd, 0, 0}};
  T(poll(p, 3, 2000));
  printf("revents: file=%#x neg=%#x none=%#x\n", p[0].revents, p[1].revents, p[2].revents);
  struct pollfd so = {1, POLLOUT, 0};
  T(poll(&so, 1, 2000));
  printf("stdout revents=%#x\n", so.revents);
  struct pollfd pc = {42, POLLIN, 0};
  T(poll(&pc, 1, 0));
  printf("closed fd revents=%#x\n", pc.revents);
  /* A file's read readiness arrives asynchronously in wasmtime: wait for it. */
  struct pollfd pw = {fd, POLLRDNORM, 0};
  T(poll(&pw, 1, 2000));
  printf("rdnorm/wrnorm revents=%#x\n", pw.revents);
  struct pollfd only_neg = {-5, POLLIN, 0};
  T(poll(&only_neg, 1, 0));

  /* select / pselect */
  fd_set rs, ws, es;
  FD_ZERO(&rs); FD_ZERO(&ws); FD_ZERO(&es);
  struct timeval z = {0, 0}, two = {2, 0};
  FD_SET(fd, &ws);
  T(select(fd + 1, NULL, &ws, NULL, &two));
  printf("select: file writable=%d\n", FD_ISSET(fd, &ws));
  FD_ZERO(&ws); FD_SET(1, &ws);
  T(select(2, NULL, &ws, NULL, &two));
  printf("select: stdout writable=%d\n", FD_ISSET(1, &ws));
  FD_SET(fd, &rs);
  T(select(fd + 1, &rs, NULL, NULL, &two));
  printf("select: file readable=%d\n", FD_ISSET(fd, &rs));
  struct timeval w = {0, 3000};
  clock_gettime(CLOCK_MONOTONIC, &a);
  T(select(0, NULL, NULL, NULL, &w));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("select(0, 3ms) waited: %d\n", ns(b) - ns(a) >= 3000000);
  FD_ZERO(&rs); FD_SET(50, &rs);
  T(select(51, &rs, NULL, NULL, &z));
  T(select(-1, NULL, NULL, NULL, &z));
  T(select(FD_SETSIZE + 1, NULL, NULL, NULL, &z));
  struct timeval badtv = {0, 2000000};
  T(select(0, NULL, NULL, NULL, &badtv));
  struct timeval negtv = {-1, 0};
  T(select(0, NULL, NULL, NULL, &negtv));
  FD_ZERO(&es); FD_SET(fd, &es);
  T(select(fd + 1, NULL, NULL, &es, &z));
  FD_ZERO(&rs); FD_SET(fd, &rs);
  struct timespec pz = {0, 0}, p2 = {2, 0};
  T(pselect(fd + 1, &rs, NULL, NULL, &p2, NULL));
  printf("pselect readable=%d\n", FD_ISSET(fd, &rs));
  struct timespec pw2 = {0, 2000000};
  clock_gettime(CLOCK_MONOTONIC, &a);
  T(pselect(0, NULL, NULL, NULL, &pw2, NULL));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("pselect(0, 2ms) waited: %d\n", ns(b) - ns(a) >= 2000000);
  T(pselect(0, NULL, NULL, NULL, &badns, NULL));
  T(pselect(-1, NULL, NULL, NULL, &pz, NULL));
  close(fd);
  FD_ZERO(&rs); FD_SET(fd, &rs);
  T(select(fd + 1, &rs, NULL, NULL, &z));
  return 0;
}
