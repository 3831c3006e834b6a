/* File calls and their error paths, compared with wasi-libc: open/openat/
 * creat flags and errors (ENOENT, EEXIST, EISDIR, ENOTDIR, EINVAL, outside
 * every preopen, `..` escapes, relative paths after chdir), read/write
 * family incl. preadv/pwritev, lseek whence/offset errors and ESPIPE,
 * ftruncate/truncate, fsync/fdatasync, posix_fadvise/posix_fallocate,
 * fcntl F_GETFD/F_SETFD/F_GETFL/F_SETFL, ioctl FIONREAD/FIONBIO, isatty,
 * and every call on a closed descriptor (EBADF). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#define T(expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; \
  printf("%-58s -> %ld", #expr, r_); if (r_ < 0) printf(" errno=%d (%s)", e_, strerror(e_)); printf("\n"); } while (0)

int main(void) {
  char buf[64];
  T(mkdir("/sandbox/d", 0755));
  T(open("/sandbox/nope", O_RDONLY));
  T(open("/sandbox/f", O_WRONLY | O_CREAT | O_TRUNC, 0644));
  T(open("/sandbox/f", O_WRONLY | O_CREAT | O_EXCL, 0644));
  T(open("/sandbox/d", O_WRONLY));
  T(open("/sandbox/d", O_RDWR));
  T(open("/sandbox/d", O_RDONLY | O_DIRECTORY) >= 0);
  T(open("/sandbox/f", O_RDONLY | O_DIRECTORY));
  T(open("/sandbox/f/x", O_RDONLY));
  T(open("/sandbox/f/x", O_WRONLY | O_CREAT, 0644));
  T(open("/sandbox/nope/x", O_WRONLY | O_CREAT, 0644));
  T(open("/sandbox/d/", O_RDONLY) >= 0);
  T(open("/sandbox/f/", O_RDONLY));
  T(open("/sandbox/../etc", O_RDONLY));
  T(open("/sandbox/d/../../x", O_RDONLY));
  T(open("/sandbox/d/../f", O_RDONLY) >= 0);
  T(open("", O_RDONLY));
  T(open("/sandbox/f", O_RDONLY | O_WRONLY | O_RDWR));
  T(open("/sandbox/link-to-f", O_RDONLY));
  T(symlink("f", "/sandbox/lf"));
  T(open("/sandbox/lf", O_RDONLY | O_NOFOLLOW));
  T(open("/sandbox/lf", O_RDONLY) >= 0);
  T(creat("/sandbox/c", 0644) >= 0);
  T(creat("/sandbox/d", 0644));
  T(creat("/sandbox/nope/c", 0644));

  int fd = open("/sandbox/f", O_RDWR);
  T(write(fd, "hello world", 11));
  T(lseek(fd, 0, SEEK_CUR));
  T(lseek(fd, -3, SEEK_END));
  T(lseek(fd, -100, SEEK_CUR));
  T(lseek(fd, 100, SEEK_SET));
  T(read(fd, buf, sizeof buf));
  T(write(fd, "!", 1));
  T(lseek(fd, 0, SEEK_END));
  T(pread(fd, buf, 5, 6));
  printf("pread got %.5s\n", buf);
  T(pread(fd, buf, 5, -1));
  T(pwrite(fd, "HELLO", 5, -1));
  T(pwrite(fd, "HELLO", 5, 0));
  T(pread(fd, buf, 0, 0));
  T(read(fd, buf, 0));
  T(write(fd, buf, 0));
  struct iovec iov[3] = {{buf, 2}, {NULL, 0}, {buf + 10, 3}};
  T(preadv(fd, iov, 3, 0));
  printf("preadv got %.2s|%.3s\n", buf, buf + 10);
  T(preadv(fd, iov, -1, 0));
  T(preadv(fd, iov, 3, -5));
  struct iovec wv[2] = {{"ab", 2}, {"cd", 2}};
  T(pwritev(fd, wv, 2, 20));
  T(pwritev(fd, wv, 0, 0));
  T(readv(fd, iov, 0));
  T(writev(fd, wv, -1));
  T(lseek(fd, 0, SEEK_END));
  T(pread(fd, buf, sizeof buf, 1000000));
  T(ftruncate(fd, 4));
  T(ftruncate(fd, -1));
  T(lseek(fd, 0, SEEK_END));
  T(fsync(fd));
  T(fdatasync(fd));
  T(posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL));
  T(posix_fadvise(fd, -1, 0, POSIX_FADV_NORMAL));
  T(posix_fallocate(fd, 0, 100));
  T(posix_fallocate(fd, -1, 100));
  T(posix_fallocate(fd, 0, 0));
  T(lseek(fd, 0, SEEK_END));
  T(fcntl(fd, F_GETFD));
  T(fcntl(fd, F_SETFD, FD_CLOEXEC));
  T(fcntl(fd, F_GETFD));
  T(fcntl(fd, F_GETFL) & O_ACCMODE);
  T(fcntl(fd, F_SETFL, O_APPEND | O_NONBLOCK));
  T(fcntl(fd, F_GETFL) & (O_APPEND | O_NONBLOCK));
  T(fcntl(fd, 12345));
  int n = -1;
  T(ioctl(fd, FIONREAD, &n));
  int on = 1;
  T(ioctl(fd, FIONBIO, &on));
  T(fcntl(fd, F_GETFL) & O_NONBLOCK);
  on = 0;
  T(ioctl(fd, FIONBIO, &on));
  T(fcntl(fd, F_GETFL) & O_NONBLOCK);
  T(ioctl(fd, 0x5401, &n));
  T(isatty(fd));
  T(isatty(1));
  T(isatty(99));
  T(lseek(1, 0, SEEK_CUR));
  T(close(fd));

  /* Everything on a closed or never-open descriptor. */
  T(close(fd));
  T(read(fd, buf, 1));
  T(write(fd, buf, 1));
  T(pread(fd, buf, 1, 0));
  T(pwrite(fd, buf, 1, 0));
  T(readv(fd, iov, 1));
  T(lseek(fd, 0, SEEK_SET));
  T(fsync(fd));
  T(fdatasync(fd));
  T(ftruncate(fd, 0));
  T(posix_fadvise(fd, 0, 0, POSIX_FADV_NORMAL));
  T(posix_fallocate(fd, 0, 1));
  T(fcntl(fd, F_GETFD));
  T(fcntl(fd, F_GETFL));
  T(ioctl(fd, FIONREAD, &n));
  T(close(-1));
  T(read(-1, buf, 1));

  /* Read-only and write-only descriptors. */
  fd = open("/sandbox/f", O_RDONLY);
  T(write(fd, "x", 1));
  T(ftruncate(fd, 0));
  T(close(fd));
  fd = open("/sandbox/f", O_WRONLY | O_APPEND);
  T(read(fd, buf, 1));
  T(write(fd, "tail", 4));
  T(pwrite(fd, "Z", 1, 0));
  T(close(fd));
  T(truncate("/sandbox/f", 2));
  T(truncate("/sandbox/f", -1));
  T(truncate("/sandbox/nope", 0));
  T(truncate("/sandbox/d", 0));
  fd = open("/sandbox/f", O_RDONLY);
  memset(buf, 0, sizeof buf);
  T(read(fd, buf, sizeof buf));
  printf("content: %s\n", buf);
  T(close(fd));

  /* Directory descriptors. */
  fd = open("/sandbox/d", O_RDONLY | O_DIRECTORY);
  T(read(fd, buf, 1));
  T(write(fd, buf, 1));
  T(openat(fd, "inner", O_WRONLY | O_CREAT, 0600) >= 0);
  T(openat(fd, "inner", O_WRONLY | O_CREAT | O_EXCL, 0600));
  T(openat(fd, "../f", O_RDONLY));
  T(openat(fd, "/sandbox/f", O_RDONLY) >= 0);
  T(openat(-1, "/sandbox/f", O_RDONLY) >= 0);
  T(openat(-1, "f", O_RDONLY));
  T(openat(99, "f", O_RDONLY));
  T(close(fd));

  /* Relative paths after chdir, and `..` in them. */
  T(chdir("/sandbox/d"));
  T(open("inner", O_RDONLY) >= 0);
  T(open("../f", O_RDONLY) >= 0);
  T(open("../../outside", O_RDONLY));
  T(open("./../d/./inner", O_RDONLY) >= 0);
  T(creat("new-rel", 0600) >= 0);
  T(access("/sandbox/d/new-rel", F_OK));
  T(chdir(".."));
  T(open("d/new-rel", O_RDONLY) >= 0);
  T(chdir("/"));
  T(open("sandbox/f", O_RDONLY) >= 0);
  T(open("etc/passwd", O_RDONLY));
  T(chdir("/sandbox"));

  /* Huge sizes and offsets. */
  fd = open("/sandbox/f", O_RDWR);
  T(lseek(fd, (off_t)1 << 40, SEEK_SET));
  T(read(fd, buf, sizeof buf));
  T(lseek(fd, LLONG_MAX, SEEK_SET));
  T(lseek(fd, 1, SEEK_CUR));
  T(pread(fd, buf, (size_t)SSIZE_MAX + 1, 0));
  T(close(fd));
  return 0;
}
