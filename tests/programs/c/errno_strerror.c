// errno values from failing calls and their strerror texts. (Opening a path
// outside every preopen is left out: Debian's 2022 wasi-libc says ENOTCAPABLE,
// newer wasi-libc says ENOENT.)
// dir: file.txt=x
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *what, int r) {
    int e = errno;
    printf("%-28s -> %d, errno %d (%s)\n", what, r, r < 0 ? e : 0, r < 0 ? strerror(e) : "-");
    errno = 0;
}

int main(void) {
    show("open missing", open("/sandbox/missing", O_RDONLY));
    show("open O_EXCL existing", open("/sandbox/file.txt", O_WRONLY | O_CREAT | O_EXCL, 0644));
    show("read bad fd", (int)read(99, NULL, 0));
    show("close bad fd", close(99));
    show("mkdir existing", mkdir("/sandbox/file.txt", 0755));
    show("rmdir a file", rmdir("/sandbox/file.txt"));
    show("unlink missing", unlink("/sandbox/nothing"));
    printf("strerror(EINVAL) = %s\n", strerror(EINVAL));
    printf("strerror(ENOENT) = %s\n", strerror(ENOENT));
    errno = EACCES;
    perror("perror says");
    return 0;
}
