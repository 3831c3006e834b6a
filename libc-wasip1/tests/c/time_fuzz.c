/* gmtime/timegm/mktime/strftime/strptime over pseudo-random times and
 * out-of-range struct tm fields (hashed, samples printed). */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <time.h>

static unsigned long long s = 0xA5A5A5A55A5A5A5AULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }

int main(void) {
    char buf[256];
    unsigned long h = 0;
    for (int i = 0; i < 20000; i++) {
        unsigned long long r = next();
        long long t = (long long)(r >> 20) - (1LL << 43);
        if (i % 3 == 0) t %= 4102444800LL;
        time_t tt = t;
        struct tm tm;
        if (!gmtime_r(&tt, &tm)) { h = h * 31 + 7; continue; }
        size_t n = strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %b %j %U %W %V %G %g %u %w %C %y %e %I %p %s", &tm);
        for (size_t k = 0; k < n; k++) h = h * 131 + (unsigned char)buf[k];
        struct tm back = tm;
        back.tm_mon += (int)(r % 40) - 20; back.tm_mday += (int)((r >> 6) % 100) - 50; back.tm_hour += (int)((r >> 13) % 60) - 30;
        back.tm_sec += (int)((r >> 19) % 200000) - 100000;
        time_t m = mktime(&back);
        h = h * 31 + (unsigned long)m + back.tm_yday * 7 + back.tm_wday;
        struct tm p;
        memset(&p, 0, sizeof p);
        char *e = strptime(buf, "%Y-%m-%d %H:%M:%S %a %b %j", &p);
        h = h * 31 + (e ? (unsigned long)(e - buf) : 99) + p.tm_year + p.tm_mon * 3 + p.tm_mday * 5 + p.tm_yday * 11;
        if (i % 1000 == 0) printf("%lld -> %s | mktime %lld\n", t, buf, (long long)m);
    }
    printf("hash %lu\n", h);
    return 0;
}
