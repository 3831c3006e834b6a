/* Socket calls over preview1 on descriptors that are not sockets (a
 * regular file, a directory, stdout) and on closed ones, compared with
 * wasi-libc: accept, accept4 (flags), recv, send (flags), shutdown (how),
 * getsockopt (SO_TYPE, other options, other levels, short lengths). */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define T(expr) do { errno = 0; long r_ = (long)(expr); int e_ = errno; \
  printf("%-56s -> %ld", #expr, r_); if (r_ < 0) printf(" errno=%d (%s)", e_, strerror(e_)); printf("\n"); } while (0)

int main(void) {
  int file = open("/sandbox/f", O_RDWR | O_CREAT, 0644);
  int dir = open("/sandbox", O_RDONLY | O_DIRECTORY);
  int fds[] = {file, dir, 1, 77};
  const char *names[] = {"file", "dir", "stdout", "closed"};
  char buf[16];
  for (int i = 0; i < 4; i++) {
    int fd = fds[i];
    printf("-- %s\n", names[i]);
    struct sockaddr_in sa; socklen_t len = sizeof sa;
    T(accept(fd, NULL, NULL));
    T(accept(fd, (struct sockaddr *)&sa, &len));
    T(accept4(fd, NULL, NULL, SOCK_NONBLOCK));
    T(accept4(fd, NULL, NULL, SOCK_CLOEXEC));
    T(accept4(fd, NULL, NULL, 0x12345));
    T(recv(fd, buf, sizeof buf, 0));
    T(recv(fd, buf, sizeof buf, MSG_PEEK));
    T(recv(fd, buf, sizeof buf, MSG_WAITALL));
    T(recv(fd, buf, sizeof buf, 0x4000));
    T(recv(fd, buf, 0, 0));
    T(send(fd, "x", 1, 0));
    T(send(fd, "x", 1, 0x4000 /* MSG_NOSIGNAL */));
    T(send(fd, "x", 1, 0x8));
    T(shutdown(fd, SHUT_RD));
    T(shutdown(fd, SHUT_WR));
    T(shutdown(fd, SHUT_RDWR));
    T(shutdown(fd, 7));
    int v = -1; socklen_t vl = sizeof v;
    T(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &vl));
    printf("   value=%d len=%u\n", v, (unsigned)vl);
    vl = 2;
    T(getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &vl));
    vl = sizeof v;
    T(getsockopt(fd, SOL_SOCKET, 4 /* SO_ERROR */, &v, &vl));
    T(getsockopt(fd, SOL_SOCKET, 8 /* SO_RCVBUF */, &v, &vl));
    T(getsockopt(fd, IPPROTO_TCP, 1, &v, &vl));
  }
  return 0;
}
