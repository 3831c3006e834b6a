#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <dirent.h>
#include <errno.h>
#include <time.h>
#include <sys/stat.h>
extern char **environ;
static void bye(void) { printf("atexit ran\n"); }
int main(int argc, char **argv) {
  atexit(bye);
  printf("argc=%d argv1=%s\n", argc, argc > 1 ? argv[1] : "");
  printf("FOO=%s environ0=%s\n", getenv("FOO"), environ[0]);
  setenv("BAR", "baz", 1); printf("BAR=%s env1=%s\n", getenv("BAR"), environ[1] ? environ[1] : "(null)");
  unsetenv("FOO"); printf("FOO after unset=%p environ0=%s\n", (void*)getenv("FOO"), environ[0]);
  int fd = open("/sandbox/f.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
  printf("fd>=3: %d\n", fd >= 3);
  write(fd, "abcdef", 6); close(fd);
  struct stat st; printf("stat=%d size=%lld isreg=%d\n", stat("/sandbox/f.txt", &st), (long long)st.st_size, S_ISREG(st.st_mode));
  printf("stat missing=%d errno=%d (%s)\n", stat("/sandbox/nope", &st), errno, strerror(errno));
  mkdir("/sandbox/d", 0755);
  printf("chdir=%d\n", chdir("/sandbox/d"));
  char cwd[256]; printf("cwd=%s\n", getcwd(cwd, sizeof cwd));
  printf("open ../f.txt=%d\n", open("../f.txt", O_RDONLY) >= 0);
  chdir("..");
  DIR *d = opendir("."); int n = 0; struct dirent *e;
  while ((e = readdir(d))) { if (e->d_name[0] != '.') n++; }
  closedir(d); printf("entries=%d\n", n);
  void *ps[1000]; for (int i = 0; i < 1000; i++) { ps[i] = malloc(i * 7 + 1); memset(ps[i], i, i*7+1); }
  for (int i = 0; i < 1000; i += 2) free(ps[i]);
  for (int i = 0; i < 1000; i += 2) ps[i] = realloc(NULL, 33);
  void *al = aligned_alloc(256, 1000); printf("aligned=%d\n", ((unsigned long)al & 255) == 0); free(al);
  char *big = malloc(1 << 20); big = realloc(big, 4 << 20); printf("big=%d\n", big != NULL);
  struct timespec ts; clock_gettime(CLOCK_MONOTONIC, &ts); printf("mono ok=%d\n", ts.tv_sec >= 0);
  printf("isatty(1)=%d\n", isatty(1));
  printf("lseek on stdout=%lld errno=%d\n", (long long)lseek(1, 0, SEEK_CUR), errno);
  return 5;
}
