/* Environment and process calls with their error paths, compared with
 * wasi-libc: setenv/unsetenv argument checks (NULL, "", '='), overwrite
 * flag, putenv (aliasing the caller's string, no '=' removing), repeated
 * set/unset keeping environ consistent, clearenv then setenv, environ
 * order, getenv of odd names, getpagesize/sysconf, getentropy limits,
 * arc4random family ranges, atexit ordering with exit(). */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

extern char **environ;
int clearenv(void);
int getpagesize(void);
int getentropy(void *, size_t);
uint32_t arc4random(void);
void arc4random_buf(void *, size_t);
uint32_t arc4random_uniform(uint32_t);

#define T(expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; \
  printf("%-44s -> %ld", #expr, r_); if (r_ < 0) printf(" errno=%d (%s)", e_, strerror(e_)); printf("\n"); } while (0)

static void dump(const char *what) {
  printf("%s:", what);
  for (char **e = environ; *e; e++) printf(" [%s]", *e);
  printf("\n");
}

static void bye1(void) { printf("atexit 1 (registered first, runs last)\n"); }
static void bye2(void) { printf("atexit 2\n"); }

int main(void) {
  dump("initial");
  T(setenv("A", "1", 0));
  T(setenv("A", "2", 0));
  printf("A=%s\n", getenv("A"));
  T(setenv("A", "3", 1));
  printf("A=%s\n", getenv("A"));
  T(setenv("", "x", 1));
  T(setenv("B=C", "x", 1));
  T(setenv(NULL, "x", 1));
  T(setenv("EMPTY", "", 1));
  printf("EMPTY=[%s]\n", getenv("EMPTY"));
  T(unsetenv(""));
  T(unsetenv("X=Y"));
  T(unsetenv(NULL));
  T(unsetenv("NOT_THERE"));
  T(unsetenv("A"));
  printf("A=%s\n", getenv("A") ? getenv("A") : "(unset)");
  printf("getenv(\"\")=%s getenv(\"FOO=\")=%s\n", getenv("") ? getenv("") : "(null)", getenv("FOO=") ? getenv("FOO=") : "(null)");

  static char p1[] = "PUT=one";
  T(putenv(p1));
  printf("PUT=%s\n", getenv("PUT"));
  p1[4] = 'X';
  printf("PUT after editing the string=%s\n", getenv("PUT"));
  static char p2[] = "PUT=two";
  T(putenv(p2));
  printf("PUT=%s\n", getenv("PUT"));
  static char p3[] = "PUT";
  T(putenv(p3));
  printf("PUT after putenv(\"PUT\")=%s\n", getenv("PUT") ? getenv("PUT") : "(unset)");
  static char p4[] = "=novalue";
  T(putenv(p4));
  for (int i = 0; i < 50; i++) { char k[16]; snprintf(k, sizeof k, "K%d", i); setenv(k, k, 1); }
  for (int i = 0; i < 50; i += 2) { char k[16]; snprintf(k, sizeof k, "K%d", i); unsetenv(k); }
  int count = 0; for (char **e = environ; *e; e++) count++;
  printf("after churn count=%d K1=%s K2=%s\n", count, getenv("K1"), getenv("K2") ? getenv("K2") : "(unset)");
  T(clearenv());
  printf("environ after clearenv: %s\n", environ == NULL ? "NULL" : (*environ == NULL ? "empty" : "non-empty"));
  printf("FOO after clearenv=%s\n", getenv("FOO") ? getenv("FOO") : "(unset)");
  T(setenv("AFTER", "clear", 1));
  dump("after clearenv+setenv");
  T(clearenv());
  T(unsetenv("AFTER"));

  T(getpagesize());
  T(sysconf(_SC_PAGESIZE));
  T(sysconf(_SC_NPROCESSORS_ONLN) > 0);
  T(sysconf(-1));
  unsigned char buf[300];
  T(getentropy(buf, 0));
  T(getentropy(buf, 256));
  T(getentropy(buf, 257));
  uint32_t lo = UINT32_MAX, hi = 0;
  for (int i = 0; i < 1000; i++) { uint32_t v = arc4random_uniform(10); if (v < lo) lo = v; if (v > hi) hi = v; }
  printf("arc4random_uniform(10) range %u..%u\n", lo, hi);
  printf("arc4random_uniform(0)=%u arc4random_uniform(1)=%u\n", arc4random_uniform(0), arc4random_uniform(1));
  int differ = 0; for (int i = 0; i < 8; i++) differ |= arc4random() != arc4random();
  printf("arc4random varies: %d\n", differ);
  memset(buf, 0, sizeof buf); arc4random_buf(buf, sizeof buf);
  int nonzero = 0; for (int i = 0; i < 300; i++) nonzero += buf[i] != 0;
  printf("arc4random_buf filled: %d\n", nonzero > 250);
  arc4random_buf(buf, 0);

  T(atexit(bye1));
  T(atexit(bye2));
  printf("exiting with 7\n");
  exit(7);
}
