#include <stdio.h>
#include <unistd.h>
#include <time.h>
#include <errno.h>
#include <sys/times.h>
#include <sys/resource.h>
int main(void) {
  printf("getpid=%d\n", getpid());
  clock_t c0 = clock(); volatile unsigned long x = 0; for (unsigned long i = 0; i < 10000000; i++) x += i;
  clock_t c1 = clock(); printf("clock advanced=%d per_sec=%lld\n", c1 > c0, (long long)CLOCKS_PER_SEC);
  struct tms t; clock_t r = times(&t); printf("times ok=%d utime_ok=%d\n", r > 0, t.tms_utime > 0 && t.tms_stime == 0);
  struct rusage u; printf("getrusage self=%d children=%d bad=%d errno=%d\n", getrusage(RUSAGE_SELF, &u), getrusage(RUSAGE_CHILDREN, &u), getrusage(5, &u), errno);
  return 0;
}
