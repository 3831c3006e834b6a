#include <stdio.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>
#include <errno.h>
#include <sys/mman.h>
int main(void) {
  int fd = open("/sandbox/m", O_CREAT | O_RDWR, 0600); write(fd, "hello mmap", 10);
  char *p = mmap(0, 5, PROT_READ, MAP_PRIVATE, fd, 6); printf("file: %.4s ok=%d\n", p, p != MAP_FAILED);
  char *a = mmap(0, 100, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0); printf("anon zero=%d\n", a[50] == 0);
  printf("bad flags=%d errno=%d\n", mmap(0, 10, PROT_READ, 0, -1, 0) == MAP_FAILED, errno);
  printf("exec=%d len0=%d\n", mmap(0, 10, PROT_EXEC, MAP_PRIVATE | MAP_ANON, -1, 0) == MAP_FAILED, mmap(0, 0, PROT_READ, MAP_PRIVATE | MAP_ANON, -1, 0) == MAP_FAILED);
  printf("munmap partial=%d errno=%d whole=%d\n", munmap(a, 50), errno, munmap(a, 100));
  return 0;
}
