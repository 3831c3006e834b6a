// time.h conversions without a time zone (UTC): mktime, localtime, asctime,
// difftime, strftime of many fields, normalisation of out-of-range fields.
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(void) {
    struct tm tm = {0};
    tm.tm_year = 124; tm.tm_mon = 1; tm.tm_mday = 29; tm.tm_hour = 12; tm.tm_min = 34; tm.tm_sec = 56;
    time_t t = mktime(&tm);
    printf("mktime 2024-02-29 12:34:56 = %lld, wday %d yday %d\n", (long long)t, tm.tm_wday, tm.tm_yday);
    struct tm norm = {0};
    norm.tm_year = 123; norm.tm_mon = 11; norm.tm_mday = 32; norm.tm_hour = 25; norm.tm_min = -1;
    mktime(&norm);
    printf("normalised: %04d-%02d-%02d %02d:%02d\n", norm.tm_year + 1900, norm.tm_mon + 1, norm.tm_mday,
           norm.tm_hour, norm.tm_min);
    struct tm *lt = localtime(&t);
    printf("localtime: %02d:%02d:%02d isdst %d\n", lt->tm_hour, lt->tm_min, lt->tm_sec, lt->tm_isdst);
    printf("asctime: %s", asctime(lt));
    printf("difftime: %.1f\n", difftime(t + 90, t));
    char buf[256];
    size_t n = strftime(buf, sizeof buf, "%a %A %b %B %C %d %D %e %F %g %G %h %H %I %j %m %M %n%p %R %S %t%T %u %U %V %w %W %y %Y %%", lt);
    printf("strftime (%zu): %s\n", n, buf);
    printf("strftime too small: %zu\n", strftime(buf, 5, "%Y-%m-%d", lt));
    time_t epoch = 0;
    struct tm *g = gmtime(&epoch);
    printf("epoch: %d-%d-%d wday %d\n", g->tm_year + 1900, g->tm_mon + 1, g->tm_mday, g->tm_wday);
    time_t neg = -86400LL * 365;
    g = gmtime(&neg);
    printf("1969: %d-%02d-%02d\n", g->tm_year + 1900, g->tm_mon + 1, g->tm_mday);
    return 0;
}
