// Entropy and clocks: only properties are printed (values vary per run).
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    unsigned char a[32], b[32];
    printf("getentropy: %d\n", getentropy(a, sizeof a));
    arc4random_buf(b, sizeof b);
    printf("two random buffers differ: %d\n", memcmp(a, b, sizeof a) != 0);
    uint32_t r = arc4random_uniform(10);
    printf("arc4random_uniform(10) < 10: %d\n", r < 10);
    struct timespec res;
    printf("clock_getres monotonic ok: %d\n", clock_getres(CLOCK_MONOTONIC, &res) == 0 && (res.tv_sec > 0 || res.tv_nsec > 0));
    struct timeval tv;
    printf("gettimeofday after 2023: %d\n", gettimeofday(&tv, NULL) == 0 && tv.tv_sec > 1700000000);
    struct timespec t0, t1;
    clock_gettime(CLOCK_REALTIME, &t0);
    printf("poll(NULL, 0, 10ms) = %d\n", poll(NULL, 0, 10));
    clock_gettime(CLOCK_REALTIME, &t1);
    long long ms = (t1.tv_sec - t0.tv_sec) * 1000LL + (t1.tv_nsec - t0.tv_nsec) / 1000000;
    printf("poll waited >= 9ms: %d\n", ms >= 9);
    printf("usleep(1000) = %d, sleep(0) = %u\n", usleep(1000), sleep(0));
    struct pollfd pfd = {.fd = 1, .events = POLLOUT};
    printf("poll stdout writable: %d revents POLLOUT %d\n", poll(&pfd, 1, 0), (pfd.revents & POLLOUT) != 0);
    return 0;
}
