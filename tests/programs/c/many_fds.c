// Many descriptors at once: open 200 files without closing, write through
// each, close in a scattered order, reopen (descriptor reuse), list them.
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    enum { N = 200 };
    int fds[N];
    char path[64];
    mkdir("/sandbox/many", 0755);
    for (int i = 0; i < N; i++) {
        snprintf(path, sizeof path, "/sandbox/many/f%03d", i);
        fds[i] = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fds[i] < 0) { printf("open %d failed\n", i); return 1; }
    }
    int distinct = 1;
    for (int i = 1; i < N; i++) distinct &= fds[i] != fds[i - 1];
    printf("opened %d, all distinct from neighbour: %d, first fd > 2: %d\n", N, distinct, fds[0] > 2);
    for (int i = 0; i < N; i++) {
        char line[32];
        int n = snprintf(line, sizeof line, "file %d\n", i);
        if (write(fds[i], line, (size_t)n) != n) { printf("write %d failed\n", i); return 1; }
    }
    for (int step = 0; step < 7; step++)
        for (int i = step; i < N; i += 7) close(fds[i]);
    printf("close again fails: %d\n", close(fds[5]) == -1);
    int fd = open("/sandbox/many/f007", O_RDONLY);
    char buf[32] = "";
    ssize_t r = read(fd, buf, sizeof buf - 1);
    printf("reopened fd reused a low number: %d, read %zd: %s", fd <= fds[N - 1], r, buf);
    close(fd);
    DIR *d = opendir("/sandbox/many");
    int count = 0;
    struct dirent *e;
    while ((e = readdir(d))) if (e->d_name[0] == 'f') count++;
    closedir(d);
    printf("directory has %d files\n", count);
    for (int i = 0; i < N; i += 2) {
        snprintf(path, sizeof path, "/sandbox/many/f%03d", i);
        unlink(path);
    }
    return 0;
}
