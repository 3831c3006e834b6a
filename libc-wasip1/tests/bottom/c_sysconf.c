#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <sys/utsname.h>
int main(void) {
  for (int i = 0; i < 260; i++) { errno = 0; long v = sysconf(i); if (v != -1 || errno) printf("sc %d=%ld e%d\n", i, v, errno); }
  for (int i = 0; i < 23; i++) { errno = 0; long v = fpathconf(1, i); printf("pc %d=%ld e%d\n", i, v, errno); }
  struct utsname u; printf("uname=%d [%s][%s][%s][%s][%s]\n", uname(&u), u.sysname, u.nodename, u.release, u.version, u.machine);
  char h[64]; printf("gethostname=%d [%s]\n", gethostname(h, sizeof h), h);
  return 0;
}
