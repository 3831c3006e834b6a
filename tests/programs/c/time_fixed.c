// Time conversions of fixed timestamps (UTC), and clocks that must advance.
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(void) {
    time_t t = 1700000000;
    struct tm tm;
    gmtime_r(&t, &tm);
    printf("gmtime: %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d\n", tm.tm_year + 1900, tm.tm_mon + 1,
           tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday);
    char buf[64];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %b %j", &tm);
    printf("strftime: %s\n", buf);
    printf("timegm roundtrip: %d\n", timegm(&tm) == t);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    volatile unsigned long spin = 0;
    for (unsigned long i = 0; i < 1000000; i++) spin += i;
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("monotonic advances: %d\n", (b.tv_sec > a.tv_sec) || (b.tv_sec == a.tv_sec && b.tv_nsec >= a.tv_nsec));
    time_t now = time(NULL);
    printf("time() after 2023: %d\n", now > 1700000000);
    return 0;
}
