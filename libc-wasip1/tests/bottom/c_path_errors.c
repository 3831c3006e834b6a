/* Metadata and path calls with their error paths, compared with
 * wasi-libc: stat/lstat/fstat/fstatat, access/faccessat, utimensat/
 * futimens/utimes, mkdir/mkdirat, rmdir, unlink/unlinkat, remove,
 * rename/renameat, link/linkat, symlink/symlinkat, readlink/readlinkat,
 * realpath, chmod/fchmod, getcwd/chdir (relative, `..`, outside the
 * preopens, tiny buffers, NULL buffer), and the __wasilibc_find_relpath /
 * __wasilibc_register_preopened_fd helpers. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

char *realpath(const char *restrict, char *restrict);
int chmod(const char *, mode_t);
int fchmod(int, mode_t);
int __wasilibc_find_relpath(const char *path, const char **abs_prefix, char **relative_path, size_t relative_path_len);
int __wasilibc_register_preopened_fd(int fd, const char *prefix);

#define T(expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; \
  printf("%-60s -> %ld", #expr, r_); if (r_ < 0) printf(" errno=%d (%s)", e_, strerror(e_)); printf("\n"); } while (0)

static void st(const char *what, int r, struct stat *s) {
  if (r < 0) { printf("%-30s -> -1 errno=%d\n", what, errno); return; }
  const char *t = S_ISDIR(s->st_mode) ? "dir" : S_ISREG(s->st_mode) ? "reg" : S_ISLNK(s->st_mode) ? "lnk" : "other";
  printf("%-30s -> %s size=%lld nlink=%llu perm=%o\n", what, t, S_ISDIR(s->st_mode) ? -1LL : (long long)s->st_size,
         (unsigned long long)s->st_nlink, (unsigned)(s->st_mode & 0777));
}

int main(void) {
  struct stat s;
  char buf[PATH_MAX];
  int fd = open("/sandbox/f", O_RDWR | O_CREAT, 0644);
  write(fd, "12345", 5);
  T(mkdir("/sandbox/d", 0700));
  T(mkdir("/sandbox/d", 0700));
  T(mkdir("/sandbox/f", 0700));
  T(mkdir("/sandbox/nope/x", 0700));
  T(mkdir("/sandbox/f/x", 0700));
  T(mkdir("/sandbox/d/", 0700));
  T(mkdir("/outside", 0700));
  T(mkdir("/sandbox/../x", 0700));
  T(mkdir("", 0700));
  T(symlink("f", "/sandbox/lf"));
  T(symlink("nowhere", "/sandbox/dangling"));
  T(symlink("d", "/sandbox/ld"));
  T(symlink("f", "/sandbox/f"));
  T(symlink("f", "/sandbox/nope/l"));
  T(symlink("", "/sandbox/empty-target"));

  errno = 0; st("stat f", stat("/sandbox/f", &s), &s);
  errno = 0; st("stat lf", stat("/sandbox/lf", &s), &s);
  errno = 0; st("lstat lf", lstat("/sandbox/lf", &s), &s);
  errno = 0; st("stat dangling", stat("/sandbox/dangling", &s), &s);
  errno = 0; st("lstat dangling", lstat("/sandbox/dangling", &s), &s);
  errno = 0; st("stat d/", stat("/sandbox/d/", &s), &s);
  errno = 0; st("stat f/", stat("/sandbox/f/", &s), &s);
  errno = 0; st("stat ld/", stat("/sandbox/ld/", &s), &s);
  errno = 0; st("lstat ld/", lstat("/sandbox/ld/", &s), &s);
  errno = 0; st("stat missing", stat("/sandbox/missing", &s), &s);
  errno = 0; st("stat empty", stat("", &s), &s);
  errno = 0; st("stat /", stat("/", &s), &s);
  errno = 0; st("stat /sandbox", stat("/sandbox", &s), &s);
  errno = 0; st("stat /sandbox/..", stat("/sandbox/..", &s), &s);
  errno = 0; st("stat /etc", stat("/etc", &s), &s);
  errno = 0; st("fstat fd", fstat(fd, &s), &s);
  errno = 0; st("fstat 99", fstat(99, &s), &s);
  int dfd = open("/sandbox/d", O_RDONLY | O_DIRECTORY);
  errno = 0; st("fstatat(dfd, .)", fstatat(dfd, ".", &s, 0), &s);
  errno = 0; st("fstatat(dfd, ..)", fstatat(dfd, "..", &s, 0), &s);
  errno = 0; st("fstatat(dfd, /sandbox/lf)", fstatat(dfd, "/sandbox/lf", &s, AT_SYMLINK_NOFOLLOW), &s);
  errno = 0; st("fstatat(AT_FDCWD, f)", fstatat(AT_FDCWD, "/sandbox/f", &s, 0), &s);
  errno = 0; st("fstatat(99, x)", fstatat(99, "x", &s, 0), &s);
  errno = 0; st("fstatat(fd-of-file, x)", fstatat(fd, "x", &s, 0), &s);

  T(access("/sandbox/f", F_OK));
  T(access("/sandbox/f", R_OK | W_OK));
  T(access("/sandbox/f", X_OK));
  T(access("/sandbox/d", X_OK));
  T(access("/sandbox/missing", F_OK));
  T(access("/sandbox/f", 0x100));
  T(access("/sandbox/dangling", F_OK));
  T(faccessat(dfd, "..", F_OK, 0));
  T(faccessat(dfd, "/sandbox/f", R_OK, 0));
  T(faccessat(dfd, "x", F_OK, 0));
  T(faccessat(AT_FDCWD, "/sandbox/f", F_OK, AT_EACCESS));
  T(faccessat(AT_FDCWD, "/sandbox/f", F_OK, 0x100));

  struct timespec ts[2] = {{1000000000, 123}, {1500000000, 456000}};
  T(utimensat(AT_FDCWD, "/sandbox/f", ts, 0));
  stat("/sandbox/f", &s);
  printf("atime %lld.%09ld mtime %lld.%09ld\n", (long long)s.st_atim.tv_sec, s.st_atim.tv_nsec, (long long)s.st_mtim.tv_sec, s.st_mtim.tv_nsec);
  struct timespec omit[2] = {{0, UTIME_OMIT}, {7, 0}};
  T(futimens(fd, omit));
  fstat(fd, &s);
  printf("atime %lld mtime %lld\n", (long long)s.st_atim.tv_sec, (long long)s.st_mtim.tv_sec);
  struct timespec bad[2] = {{0, 2000000000}, {0, 0}};
  T(utimensat(AT_FDCWD, "/sandbox/f", bad, 0));
  T(futimens(99, ts));
  T(utimensat(AT_FDCWD, "/sandbox/missing", ts, 0));
  T(utimensat(AT_FDCWD, "/sandbox/lf", ts, AT_SYMLINK_NOFOLLOW) >= -1);
  struct timeval tv[2] = {{2000000000, 5}, {2000000001, 6}};
  T(utimes("/sandbox/f", tv));
  stat("/sandbox/f", &s);
  printf("utimes atime %lld.%09ld mtime %lld.%09ld\n", (long long)s.st_atim.tv_sec, s.st_atim.tv_nsec, (long long)s.st_mtim.tv_sec, s.st_mtim.tv_nsec);
  T(utimes("/sandbox/missing", tv));

  T(chmod("/sandbox/f", 0600));
  T(chmod("/sandbox/missing", 0600));
  T(fchmod(fd, 0600));
  T(fchmod(99, 0600));

  memset(buf, 0, sizeof buf);
  T(readlink("/sandbox/lf", buf, sizeof buf));
  printf("readlink: %s\n", buf);
  T(readlink("/sandbox/lf", buf, 0));
  memset(buf, 0, sizeof buf);
  T(readlink("/sandbox/dangling", buf, 3));
  printf("readlink short: %s\n", buf);
  T(readlink("/sandbox/f", buf, sizeof buf));
  T(readlink("/sandbox/missing", buf, sizeof buf));
  T(readlink("/sandbox/empty-target", buf, sizeof buf));
  T(readlinkat(dfd, "../lf", buf, sizeof buf));
  T(readlinkat(dfd, "/sandbox/lf", buf, sizeof buf));
  T(readlinkat(99, "lf", buf, sizeof buf));
  T(symlinkat("../f", dfd, "up"));
  T(symlinkat("x", dfd, "/sandbox/abs-link"));
  T(readlinkat(dfd, "up", buf, sizeof buf));

  T(link("/sandbox/f", "/sandbox/hard"));
  errno = 0; st("stat f after link", stat("/sandbox/f", &s), &s);
  T(link("/sandbox/f", "/sandbox/hard"));
  T(link("/sandbox/missing", "/sandbox/h2"));
  T(link("/sandbox/d", "/sandbox/hd"));
  T(link("/sandbox/f", "/outside"));
  T(linkat(dfd, "../f", dfd, "h3", 0));
  T(linkat(AT_FDCWD, "/sandbox/f", dfd, "h4", 0));
  T(linkat(dfd, "/sandbox/f", AT_FDCWD, "/sandbox/h5", 0));
  T(linkat(AT_FDCWD, "/sandbox/lf", AT_FDCWD, "/sandbox/h6", AT_SYMLINK_FOLLOW));
  T(linkat(AT_FDCWD, "/sandbox/f", AT_FDCWD, "/sandbox/h7", 0x400));

  T(rename("/sandbox/hard", "/sandbox/hard2"));
  T(rename("/sandbox/missing", "/sandbox/x"));
  T(rename("/sandbox/d", "/sandbox/f"));
  T(rename("/sandbox/f", "/sandbox/d"));
  T(rename("/sandbox/d", "/sandbox/d/sub"));
  T(rename("/sandbox/f", "/outside"));
  T(rename("/sandbox/hard2", "/sandbox/hard2"));
  T(renameat(dfd, "/sandbox/hard2", dfd, "moved"));
  T(renameat(dfd, "moved", AT_FDCWD, "/sandbox/back"));
  T(renameat(99, "x", dfd, "y"));
  T(mkdir("/sandbox/e", 0700));
  T(rename("/sandbox/e", "/sandbox/d"));
  T(mkdir("/sandbox/e", 0700));
  T(rename("/sandbox/d", "/sandbox/e"));

  T(unlink("/sandbox/back"));
  T(unlink("/sandbox/back"));
  T(unlink("/sandbox/e"));
  T(unlink("/sandbox/f/"));
  T(unlink("/outside"));
  T(unlinkat(dfd, "/sandbox/dangling", 0));
  T(unlinkat(AT_FDCWD, "/sandbox/e", AT_REMOVEDIR));
  T(unlinkat(AT_FDCWD, "/sandbox/h5", AT_REMOVEDIR));
  T(unlinkat(99, "x", 0));
  T(rmdir("/sandbox/e"));
  T(rmdir("/sandbox/f"));
  T(rmdir("/sandbox/missing"));
  T(rmdir("/sandbox"));
  T(rmdir("/sandbox/."));
  T(remove("/sandbox/h5"));
  T(remove("/sandbox/missing"));
  T(mkdir("/sandbox/r", 0700));
  T(remove("/sandbox/r"));
  T(remove("/sandbox/ld"));

  /* d is now e (renamed above). */
  /* getcwd / chdir. */
  T(getcwd(buf, sizeof buf) != NULL);
  printf("cwd: %s\n", buf);
  T(chdir("/sandbox/e"));
  T(getcwd(buf, sizeof buf) != NULL);
  printf("cwd: %s\n", buf);
  T(getcwd(buf, 3) != NULL);
  T(getcwd(buf, 0) != NULL);
  char *dyn = getcwd(NULL, 0);
  printf("getcwd(NULL,0): %s\n", dyn ? dyn : "(null)"); free(dyn);
  T(chdir(".."));
  T(getcwd(buf, sizeof buf) != NULL);
  printf("cwd: %s\n", buf);
  T(chdir("e/../e/./"));
  T(getcwd(buf, sizeof buf) != NULL);
  printf("cwd: %s\n", buf);
  T(chdir("/sandbox/f"));
  T(chdir("/sandbox/missing"));
  T(chdir(""));
  T(chdir("lf"));
  T(access("up", F_OK));
  T(stat("h4", &s));
  T(chdir("../../.."));
  T(getcwd(buf, sizeof buf) != NULL);
  printf("cwd: %s\n", buf);
  T(chdir("/sandbox"));

  /* realpath. */
  char *rp;
  rp = realpath("/sandbox/e/../f", buf); printf("realpath e/../f: %s errno=%d\n", rp ? rp : "(null)", rp ? 0 : errno);
  rp = realpath("e/up", buf); printf("realpath e/up: %s\n", rp ? rp : "(null)");
  errno = 0; rp = realpath("/sandbox/missing", buf); printf("realpath missing: %s errno=%d\n", rp ? rp : "(null)", errno);
  errno = 0; rp = realpath("/sandbox/f/x", buf); printf("realpath f/x: %s errno=%d\n", rp ? rp : "(null)", errno);
  errno = 0; rp = realpath(NULL, buf); printf("realpath NULL: %s errno=%d\n", rp ? rp : "(null)", errno);
  errno = 0; rp = realpath("", buf); printf("realpath empty: %s errno=%d\n", rp ? rp : "(null)", errno);
  rp = realpath(".", NULL); printf("realpath . alloc: %s\n", rp ? rp : "(null)"); free(rp);

  /* wasi-libc helpers. */
  const char *prefix = NULL; char *rel = malloc(4);
  int pfd = __wasilibc_find_relpath("/sandbox/e/x", &prefix, &rel, 4);
  printf("find_relpath: fd>=0=%d prefix=%s rel=%s\n", pfd >= 0, prefix ? prefix : "(null)", pfd >= 0 ? rel : "-");
  errno = 0; pfd = __wasilibc_find_relpath("/elsewhere", &prefix, &rel, 4);
  printf("find_relpath outside: %d errno=%d\n", pfd, errno);
  int dup_dir = open("/sandbox/e", O_RDONLY | O_DIRECTORY);
  T(__wasilibc_register_preopened_fd(dup_dir, "/alias"));
  T(access("/alias/h4", F_OK));
  T(open("/alias/h4", O_RDONLY) >= 0);
  T(mkdir("/alias/new", 0700));
  T(access("/sandbox/e/new", F_OK));
  free(rel);
  return 0;
}
