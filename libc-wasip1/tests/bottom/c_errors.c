/* Error paths and corner cases of the bottom half; output must match wasi-libc. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <limits.h>
#include <sys/stat.h>
#include <sys/uio.h>

#define T(expr) do { errno = 0; long r_ = (long)(expr); printf("%-60s = %ld errno=%d\n", #expr, r_, errno); } while (0)

char *realpath(const char *, char *); /* not in Debian's 2022 headers */
static int only_b(const struct dirent *d) { return d->d_name[0] == 'b'; }

int main(void) {
  char buf[PATH_MAX];
  T(open("/sandbox/none", O_RDONLY));
  T(open("/nowhere/x", O_RDONLY));
  T(open("relative-missing", O_RDONLY));
  T(mkdir("/sandbox/d", 0777));
  T(mkdir("/sandbox/d", 0777));
  T(open("/sandbox/d", O_WRONLY));
  T(open("/sandbox/d", O_RDONLY | O_DIRECTORY) >= 0);
  int fd = open("/sandbox/f", O_CREAT | O_RDWR | O_EXCL, 0600);
  T(fd >= 0);
  T(open("/sandbox/f", O_CREAT | O_RDWR | O_EXCL, 0600));
  T(open("/sandbox/f/x", O_RDONLY));
  T(open("/sandbox/f", O_RDONLY | O_DIRECTORY));
  T(write(fd, "0123456789", 10));
  T(lseek(fd, 0, SEEK_CUR));
  T(lseek(fd, -20, SEEK_CUR));
  T(pread(fd, buf, 4, -1));
  T(pread(fd, buf, 4, 2));
  T(pwrite(fd, "ab", 2, 20));
  T(lseek(fd, 0, SEEK_END));
  T(ftruncate(fd, -1));
  T(ftruncate(fd, 5));
  T(readv(fd, 0, -1));
  struct iovec iov[2] = {{buf, 2}, {buf + 2, 2}};
  T(lseek(fd, 0, SEEK_SET));
  T(readv(fd, iov, 2));
  T(fcntl(fd, F_GETFD));
  T(fcntl(fd, F_GETFL) & O_ACCMODE);
  T(fcntl(fd, 99));
  T(fsync(fd));
  T(close(fd));
  T(close(fd));
  T(read(fd, buf, 1));
  T(write(99, "x", 1));
  T(lseek(0, 0, SEEK_CUR));
  T(isatty(99));
  T(rmdir("/sandbox/f"));
  T(unlink("/sandbox/d"));
  T(rename("/sandbox/f", "/sandbox/d/g"));
  T(rename("/sandbox/missing", "/sandbox/x"));
  T(link("/sandbox/d/g", "/sandbox/h"));
  T(link("/sandbox/d/g", "/sandbox/h"));
  T(symlink("d/g", "/sandbox/s"));
  T(symlink("loop2", "/sandbox/loop1"));
  T(symlink("loop1", "/sandbox/loop2"));
  T(readlink("/sandbox/s", buf, sizeof buf));
  T(readlink("/sandbox/h", buf, sizeof buf));
  T(readlink("/sandbox/s", buf, 2));
  T(open("/sandbox/loop1", O_RDONLY));
  T(realpath("/sandbox/loop1", buf) != 0);
  T(realpath("/sandbox/./d/../s", buf) != 0); printf("realpath=%s\n", buf);
  T(realpath("/sandbox/nope/x", buf) != 0);
  T(access("/sandbox/h", F_OK));
  T(access("/sandbox/h", R_OK | W_OK));
  T(access("/sandbox/none", F_OK));
  T(access("/sandbox/h", 99));
  struct stat st;
  T(stat("/sandbox/s", &st)); printf("mode=%o nlink=%llu size=%lld\n", st.st_mode, (unsigned long long)st.st_nlink, (long long)st.st_size);
  T(lstat("/sandbox/s", &st)); printf("mode=%o\n", st.st_mode);
  T(fstatat(AT_FDCWD, "/sandbox/s", &st, 99));
  T(stat("/", &st));
  T(stat("/sandbox", &st)); printf("mode=%o\n", st.st_mode);
  T(chdir("/sandbox/h"));
  T(chdir("/sandbox/none"));
  T(chdir("/sandbox/d"));
  T(getcwd(buf, 3) != 0);
  T(getcwd(buf, sizeof buf) != 0); printf("cwd=%s\n", buf);
  T(access("g", F_OK));
  T(chdir("/"));
  T(access("sandbox/d/g", F_OK));
  T(unlinkat(AT_FDCWD, "/sandbox/d", AT_REMOVEDIR));
  T(opendir("/sandbox/h") != 0);
  DIR *d = opendir("/sandbox");
  T(d != 0);
  long first = telldir(d);
  int n = 0; struct dirent *e;
  while ((e = readdir(d))) n++;
  printf("entries=%d\n", n);
  seekdir(d, first); n = 0; while ((e = readdir(d))) n++; printf("after seekdir=%d\n", n);
  rewinddir(d); n = 0; while ((e = readdir(d))) n++; printf("after rewind=%d\n", n);
  T(dirfd(d) >= 0);
  T(closedir(d));
  struct dirent **list;
  mkdir("/sandbox/sd", 0777);
  const char *names[] = {"b3", "a1", "b1", "c", "b2"};
  for (int i = 0; i < 5; i++) { snprintf(buf, sizeof buf, "/sandbox/sd/%s", names[i]); close(open(buf, O_CREAT | O_WRONLY, 0600)); }
  int k = scandir("/sandbox/sd", &list, only_b, alphasort);
  printf("scandir=%d:", k); for (int i = 0; i < k; i++) { printf(" %s(%d)", list[i]->d_name, list[i]->d_type); free(list[i]); } printf("\n"); free(list);
  T(scandir("/sandbox/none", &list, 0, alphasort));
  struct pollfd p[2] = {{1, POLLOUT, 0}, {99, POLLIN, 0}};
  T(poll(p, 2, 0)); printf("revents=%d %d\n", p[0].revents, p[1].revents);
  T(poll(0, 0, 0));
  struct pollfd q = {1, 0, 0};
  T(poll(&q, 1, 0));
  T(setenv("", "x", 1));
  T(setenv("A=B", "x", 1));
  T(unsetenv("A=B"));
  T(getenv("NOPE") == 0);
  T(putenv("PUT=1")); printf("PUT=%s\n", getenv("PUT"));
  T(setenv("PUT", "2", 0)); printf("PUT=%s\n", getenv("PUT"));
  T(sysconf(-1));
  T(sysconf(_SC_PAGESIZE));
  T(getentropy(buf, 257));
  T(getentropy(buf, 16));
  T(truncate("/sandbox/h", 3));
  T(stat("/sandbox/h", &st)); printf("size=%lld\n", (long long)st.st_size);
  T(usleep(1000));
  return 0;
}
