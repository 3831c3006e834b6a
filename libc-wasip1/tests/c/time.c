/* Calendar time: gmtime/localtime/mktime ranges, asctime, strftime flags, strptime. */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>
#include <errno.h>
#include <limits.h>
int main(void) {
    time_t t = 1700000000;
    struct tm *g = gmtime(&t);
    printf("%d %d %d %d %d %d %d %d %d %ld [%s]\n", g->tm_sec, g->tm_min, g->tm_hour, g->tm_mday, g->tm_mon, g->tm_year, g->tm_wday, g->tm_yday, g->tm_isdst, g->tm_gmtoff, g->tm_zone);
    struct tm *l = localtime(&t);
    printf("%d %d %d %ld [%s]\n", l->tm_hour, l->tm_isdst, l->tm_yday, l->tm_gmtoff, l->tm_zone);
    char buf[200];
    strftime(buf, sizeof buf, "%z %Z %c|%x|%X|%s", l); printf("[%s]\n", buf);
    printf("[%s]", asctime(g)); printf("[%s]", ctime(&t));
    struct tm m = {0}; m.tm_year = 124; m.tm_mon = 13; m.tm_mday = 40; m.tm_hour = -5; m.tm_isdst = -1;
    time_t r = mktime(&m); printf("mktime %lld %d-%d-%d %d:%d wday %d yday %d isdst %d [%s]\n", (long long)r, m.tm_year, m.tm_mon, m.tm_mday, m.tm_hour, m.tm_min, m.tm_wday, m.tm_yday, m.tm_isdst, m.tm_zone);
    t = LLONG_MAX; errno = 0; printf("gmtime big %d %d\n", gmtime(&t) != 0, errno);
    t = 67767976233532799LL; g = gmtime(&t); printf("max %d %d\n", g != 0, g ? g->tm_year : 0);
    t = 67767976233532800LL; g = gmtime(&t); printf("max+1 %d\n", g != 0);
    t = -67768040609740800LL; g = gmtime(&t); printf("min %d %d\n", g != 0, g ? g->tm_year : 0);
    t = -67768040609740801LL; g = gmtime(&t); printf("min-1 %d\n", g != 0);
    printf("difftime %g\n", difftime(10, 3));
    struct timespec now; int tg = timespec_get(&now, TIME_UTC);
    printf("timespec_get %d sane %d\n", tg, now.tv_sec > 1600000000 && now.tv_nsec >= 0 && now.tv_nsec < 1000000000);
    struct tm z = {0}; z.tm_year = -1900 - 5; z.tm_mday = 1; strftime(buf, sizeof buf, "%Y|%C|%y|%G|%g|%+5Y|%_5Y|%-d|%_d|%e|%04Y", &z); printf("[%s]\n", buf);
    z.tm_year = 9000; strftime(buf, sizeof buf, "%Y|%C|%+Y|%+6Y|%F", &z); printf("[%s]\n", buf);
    printf("strftime small %zu\n", strftime(buf, 5, "%Y-%m-%d", &z));
    printf("strftime bad %zu [%s]\n", strftime(buf, sizeof buf, "abc%Q", &z), buf);
    struct tm sp = {0}; char *e = strptime("2024-02-29 13:45:10", "%Y-%m-%d %H:%M:%S", &sp);
    printf("strptime %s %d %d %d %d %d %d wday %d yday %d\n", e ? "ok" : "null", sp.tm_year, sp.tm_mon, sp.tm_mday, sp.tm_hour, sp.tm_min, sp.tm_sec, sp.tm_wday, sp.tm_yday);
    /* strftime over many dates (ISO week edges, leap years, negative times) */
    long long ts[] = {0, -1, 86399, 951782400, 1104537600, 1230681600, 1262217600, 1293753600, 1451520000, 1483142400,
        1609372800, 1609459200, 1640995200, -2208988800LL, -62135596800LL, 253402300799LL, 4102444800LL, 1700000000, -86400 * 366LL};
    const char *fmts[] = {"%a %A %b %B %h %C %d %e %j %m %u %w", "%g %G %U %V %W %y %Y", "%H %I %M %S %p %r %R %T",
        "%c|%x|%X|%D|%F|%s|%z|%Z|%%|%n|%t|", "%-d %_d %0e %-j %_H %-m %+4C %10Y %-y %_3S %Ey %Od"};
    for (unsigned i = 0; i < sizeof ts / sizeof *ts; i++) {
        time_t tt = ts[i];
        struct tm *q = gmtime(&tt);
        for (unsigned k = 0; k < sizeof fmts / sizeof *fmts; k++) {
            size_t n = strftime(buf, sizeof buf, fmts[k], q);
            printf("%lld %zu [%s]\n", ts[i], n, buf);
        }
        struct tm back = *q;
        printf("timegm %lld\n", (long long)timegm(&back));
    }
    const char *in[] = {"Tue Nov 14 22:13:20 2023", "12/31/99", "1:02:03 PM", "2023-366", "  monday  march 5", "19 70", "23:60"};
    const char *pf[] = {"%c", "%D", "%I:%M:%S %p", "%Y-%j", " %A %B %d", "%C %y", "%H:%M"};
    for (unsigned i = 0; i < 7; i++) {
        struct tm q = {0};
        char *e = strptime(in[i], pf[i], &q);
        printf("strptime[%s] %s %d %d %d %d %d %d %d %d\n", in[i], e ? e : "(null)", q.tm_year, q.tm_mon, q.tm_mday, q.tm_hour, q.tm_min, q.tm_sec, q.tm_wday, q.tm_yday);
    }
    return 0;
}
