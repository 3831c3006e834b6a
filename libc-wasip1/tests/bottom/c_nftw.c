/* nftw over a small tree, in both orders and with FTW_PHYS. */
#define _XOPEN_SOURCE 700
#include <ftw.h>
#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static int cb(const char *p, const struct stat *st, int type, struct FTW *f) {
  printf("  %s type=%d level=%d base=%d isdir=%d\n", p, type, f->level, f->base, S_ISDIR(st->st_mode));
  return 0;
}
static int stop(const char *p, const struct stat *st, int type, struct FTW *f) { (void)st; (void)type; (void)f; return strstr(p, "b") ? 42 : 0; }

int main(void) {
  mkdir("/sandbox/t", 0777); mkdir("/sandbox/t/a", 0777); mkdir("/sandbox/t/b", 0777);
  close(open("/sandbox/t/a/f1", O_CREAT | O_WRONLY, 0600)); close(open("/sandbox/t/b/f2", O_CREAT | O_WRONLY, 0600));
  symlink("a/f1", "/sandbox/t/ln"); symlink("missing", "/sandbox/t/dangling");
  printf("pre-order:\n"); printf("r=%d\n", nftw("/sandbox/t", cb, 10, 0));
  printf("depth:\n"); printf("r=%d\n", nftw("/sandbox/t/", cb, 10, FTW_DEPTH));
  printf("phys:\n"); printf("r=%d\n", nftw("/sandbox/t", cb, 10, FTW_PHYS));
  printf("stop=%d\n", nftw("/sandbox/t", stop, 10, 0));
  printf("missing=%d\n", nftw("/sandbox/nope", cb, 10, 0));
  return 0;
}
