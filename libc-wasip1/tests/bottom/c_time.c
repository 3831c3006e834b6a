#include <stdio.h>
#include <time.h>
#include <string.h>
int main(void) {
  time_t ts[] = {0, 1700000000, -1, 951782400, 2147483647, -86400*366, 253402300799LL, 4102444800LL};
  for (unsigned i = 0; i < sizeof ts / sizeof ts[0]; i++) {
    struct tm g, l; gmtime_r(&ts[i], &g); localtime_r(&ts[i], &l);
    char b[512];
    strftime(b, sizeof b, "%a %A %b %B %C %d %D %e %F %g %G %h %H %I %j %m %M %n %p %r %R %S %t %T %u %U %V %w %W %y %Y %z %Z %% %c | %x | %X | %Ec %Oy %-d %_d %010Y %+4Y %k %l %P %s", &g);
    printf("%lld: %s\n", (long long)ts[i], b);
    printf("  gm: %d %d %d %d %d %d wd%d yd%d dst%d off%ld zone=%s\n", g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_min, g.tm_sec, g.tm_wday, g.tm_yday, g.tm_isdst, g.tm_gmtoff, g.tm_zone ? g.tm_zone : "(null)");
    printf("  lo: dst%d off%ld zone=%s asctime=%s", l.tm_isdst, (long)l.tm_gmtoff, l.tm_zone ? l.tm_zone : "(null)", asctime(&l));
    struct tm m = g; m.tm_mday += 40; m.tm_hour -= 30; m.tm_isdst = -1; time_t back = mktime(&m);
    printf("  mktime=%lld norm=%d-%d-%d %d:%d wd%d yd%d timegm=%lld diff=%.1f ctime=%s", (long long)back, m.tm_year, m.tm_mon, m.tm_mday, m.tm_hour, m.tm_min, m.tm_wday, m.tm_yday, (long long)timegm(&g), difftime(ts[i], 5), ctime(&ts[i]));
  }
  time_t big = 67768036191676800LL; struct tm o; printf("overflow=%p\n", (void*)gmtime_r(&big, &o));
  char tiny[5]; printf("tiny=%zu\n", strftime(tiny, sizeof tiny, "%Y-%m", gmtime(&ts[1])));
  return 0;
}
