/* wasi-libc's exported helpers, compared with wasi-libc: the nocwd
 * family (paths taken as is, relative to the fd: absolute paths and `..`
 * rejected by the host), __wasilibc_find_abspath / find_relpath_alloc,
 * __wasilibc_open_nomode, __wasilibc_tell,
 * __wasilibc_access / stat / utimens / link* / rename*, fd_renumber, and
 * the environ helpers. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wasi/libc.h>
#include <wasi/libc-environ.h>
#include <wasi/libc-find-relpath.h>
#include <wasi/libc-nocwd.h>

#define T(expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; \
  printf("%-70s -> %ld", #expr, r_); if (r_ < 0) printf(" errno=%d (%s)", e_, strerror(e_)); printf("\n"); } while (0)

extern char **environ;

int main(void) {
  setvbuf(stdout, NULL, _IONBF, 0);
  int root = open("/sandbox", O_RDONLY | O_DIRECTORY);
  struct stat st; char buf[64];
  T(__wasilibc_nocwd_mkdirat_nomode(root, "d"));
  T(__wasilibc_nocwd_mkdirat_nomode(root, "d"));
  T(__wasilibc_nocwd_mkdirat_nomode(root, "/sandbox/abs"));
  T(__wasilibc_nocwd_mkdirat_nomode(root, "../up"));
  int fd = __wasilibc_nocwd_openat_nomode(root, "d/f", O_CREAT | O_RDWR);
  printf("nocwd_openat ok=%d\n", fd >= 0);
  T(write(fd, "abcdef", 6));
  T(__wasilibc_tell(fd));
  T(lseek(fd, 2, SEEK_SET));
  T(__wasilibc_tell(fd));
  T(__wasilibc_tell(99));
  T(__wasilibc_nocwd_openat_nomode(root, "/sandbox/d/f", O_RDONLY));
  T(__wasilibc_nocwd_fstatat(root, "d/f", &st, 0));
  printf("size=%lld\n", (long long)st.st_size);
  T(__wasilibc_nocwd_fstatat(root, "d/missing", &st, 0));
  T(__wasilibc_nocwd_faccessat(root, "d/f", R_OK, 0));
  T(__wasilibc_nocwd_faccessat(root, "d/f", 0x100, 0));
  T(__wasilibc_nocwd_symlinkat("f", root, "d/l"));
  memset(buf, 0, sizeof buf);
  T(__wasilibc_nocwd_readlinkat(root, "d/l", buf, sizeof buf));
  printf("link=%s\n", buf);
  T(__wasilibc_nocwd_linkat(root, "d/f", root, "d/h", 0));
  T(__wasilibc_nocwd_renameat(root, "d/h", root, "d/h2"));
  T(__wasilibc_nocwd_renameat(root, "d/nope", root, "d/h3"));
  struct timespec ts[2] = {{100, 0}, {200, 0}};
  T(__wasilibc_nocwd_utimensat(root, "d/f", ts, 0));
  T(__wasilibc_stat("/sandbox/d/f", &st, 0));
  printf("mtime=%lld\n", (long long)st.st_mtim.tv_sec);
  DIR *dir = __wasilibc_nocwd_opendirat(root, "d");
  int n = 0; while (dir && readdir(dir)) n++;
  printf("nocwd_opendirat entries=%d\n", n);
  if (dir) closedir(dir);
  errno = 0; dir = __wasilibc_nocwd_opendirat(root, "d/f"); printf("opendirat file: %d errno=%d\n", dir != NULL, errno);
  struct dirent **nl;
  n = __wasilibc_nocwd_scandirat(root, "d", &nl, NULL, alphasort);
  printf("nocwd_scandirat n=%d:", n);
  for (int i = 0; i < n; i++) { printf(" %s", nl[i]->d_name); free(nl[i]); }
  printf("\n"); if (n >= 0) free(nl);
  T(__wasilibc_nocwd___wasilibc_unlinkat(root, "d/h2"));
  T(__wasilibc_nocwd___wasilibc_unlinkat(root, "d"));
  T(__wasilibc_nocwd___wasilibc_rmdirat(root, "d/f"));
  T(__wasilibc_nocwd___wasilibc_rmdirat(root, "d"));

  T(__wasilibc_access("/sandbox/d/f", F_OK, 0));
  T(__wasilibc_access("/sandbox/d/zz", F_OK, 0));
  T(__wasilibc_utimens("/sandbox/d/f", ts, 0));
  T(__wasilibc_link("/sandbox/d/f", "/sandbox/d/k1", 0));
  int dfd = open("/sandbox/d", O_RDONLY | O_DIRECTORY);
  T(__wasilibc_link_oldat(dfd, "f", "/sandbox/d/k2", 0));
  T(__wasilibc_link_newat("/sandbox/d/f", dfd, "k3", 0));
  T(__wasilibc_rename_oldat(dfd, "k3", "/sandbox/d/k4"));
  T(__wasilibc_rename_newat("/sandbox/d/k4", dfd, "k5"));
  T(__wasilibc_unlinkat(dfd, "k5"));
  T(__wasilibc_rmdirat(root, "d"));
  T(__wasilibc_open_nomode("/sandbox/d/k1", O_RDONLY) >= 0);

  const char *abs = NULL, *rel = NULL;
  T(__wasilibc_find_abspath("/sandbox/d/k1", &abs, &rel) >= 0);
  printf("find_abspath: %s | %s\n", abs, rel);
  T(__wasilibc_find_abspath("/nowhere", &abs, &rel));
  T(__wasilibc_find_abspath("sandbox/relative", &abs, &rel) >= 0);
  /* Calling chdir links wasi-libc's real find_relpath_alloc (its fallback traps). */
  T(chdir("/sandbox"));
  char *relbuf = malloc(4); size_t rlen = 4;
  T(__wasilibc_find_relpath_alloc("/sandbox/d/k1", &abs, &relbuf, &rlen, 1) >= 0);
  printf("find_relpath_alloc: %s | %s cap_ok=%d\n", abs, relbuf, rlen > strlen(relbuf));
  free(relbuf);

  int moved = open("/sandbox/d/k1", O_RDONLY);
  T(__wasilibc_fd_renumber(moved, 40));
  T(fcntl(40, F_GETFD) >= 0);
  T(fcntl(moved, F_GETFD));
  T(__wasilibc_fd_renumber(123, 40));

  __wasilibc_ensure_environ();
  printf("FOO=%s environ[0]=%s\n", getenv("FOO"), environ[0]);
  setenv("BAR", "1", 1);
  __wasilibc_deinitialize_environ();
  __wasilibc_ensure_environ();
  printf("after deinit+ensure: FOO=%s BAR=%s\n", getenv("FOO"), getenv("BAR") ? getenv("BAR") : "(unset)");
  return 0;
}
