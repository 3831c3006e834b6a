/* strfmon in the C locale, fmtmsg to stderr, getdate without DATEMSK. */
#include <stdio.h>
#include <monetary.h>
#include <fmtmsg.h>
#include <time.h>

extern int getdate_err;
struct tm *getdate(const char *);

int main(void) {
    char buf[100];
    ssize_t r = strfmon(buf, sizeof buf, "[%n] [%i] [%10n] [%-10n] [%#5n] [%.3n] [%=*#8.1n] [%!n] %%", 1234.567, -9.5, 3.25, 3.25, 42.0, 1.0005, 7.77, 0.5);
    printf("strfmon %zd [%s]\n", r, buf);
    r = strfmon(buf, 8, "%n", 123456.0);
    printf("strfmon small %zd\n", r);
    int m = fmtmsg(MM_PRINT | MM_SOFT, "prog:main", MM_ERROR, "bad thing", "fix it", "prog:1");
    printf("fmtmsg %d\n", m);
    fflush(stdout);
    m = fmtmsg(MM_CONSOLE, "x:y", MM_INFO, "t", NULL, NULL);
    printf("fmtmsg console %d\n", m);
    struct tm *t = getdate("2020-01-01");
    printf("getdate %d err %d\n", t != NULL, getdate_err);
    return 0;
}
