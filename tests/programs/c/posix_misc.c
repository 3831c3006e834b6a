// Assorted POSIX: readv/writev, truncate, fsync/fdatasync, posix_fadvise,
// posix_fallocate, sysconf, uname, sched_yield, dprintf,
// strerror_r, rewinddir/telldir/seekdir, opendir on a file, futimens.
// dir: d/x=1
// dir: d/y=22
// dir: d/z=333
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <unistd.h>

int main(void) {
    int fd = open("/sandbox/v.txt", O_RDWR | O_CREAT | O_TRUNC, 0644);
    struct iovec w[3] = {{"one ", 4}, {"", 0}, {"two\n", 4}};
    printf("writev = %zd\n", writev(fd, w, 3));
    lseek(fd, 0, SEEK_SET);
    char a[3], b[16] = "";
    struct iovec r[2] = {{a, 3}, {b, sizeof b - 1}};
    ssize_t n = readv(fd, r, 2);
    printf("readv = %zd: '%.3s' '%s'", n, a, b);
    printf("fsync %d fdatasync %d\n", fsync(fd), fdatasync(fd));
    printf("posix_fadvise %d\n", posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL));
    printf("posix_fallocate %d\n", posix_fallocate(fd, 0, 100));
    struct stat st;
    fstat(fd, &st);
    printf("size after fallocate %lld\n", (long long)st.st_size);
    struct timespec ts[2] = {{5, 0}, {6, 500}};
    printf("futimens %d\n", futimens(fd, ts));
    fstat(fd, &st);
    printf("mtime %lld.%09ld\n", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
    dprintf(fd, "dprintf %d\n", 99);
    close(fd);
    printf("truncate %d\n", truncate("/sandbox/v.txt", 8));
    stat("/sandbox/v.txt", &st);
    printf("size after truncate %lld\n", (long long)st.st_size);

    printf("sysconf pagesize %ld, nprocs>0 %d\n", sysconf(_SC_PAGESIZE),
           sysconf(_SC_NPROCESSORS_ONLN) > 0);
    struct utsname u;
    if (uname(&u) == 0) printf("uname sysname '%s' machine '%s'\n", u.sysname, u.machine);
    printf("sched_yield %d\n", sched_yield());
    char eb[64];
    int rc = strerror_r(ENOENT, eb, sizeof eb);
    printf("strerror_r rc %d: %s\n", rc, eb);

    DIR *d = opendir("/sandbox/d");
    int first = 0, second = 0;
    while (readdir(d)) first++;
    rewinddir(d);
    while (readdir(d)) second++;
    printf("readdir count %d, after rewinddir %d\n", first, second);
    rewinddir(d);
    readdir(d);
    long pos = telldir(d);
    struct dirent *e1 = readdir(d);
    char name1[256];
    strcpy(name1, e1 ? e1->d_name : "(none)");
    readdir(d);
    seekdir(d, pos);
    struct dirent *e2 = readdir(d);
    printf("seekdir returns to the same entry: %d\n", e2 && strcmp(name1, e2->d_name) == 0);
    closedir(d);
    errno = 0;
    printf("opendir on a file: NULL %d, ENOTDIR %d\n", opendir("/sandbox/d/x") == NULL, errno == ENOTDIR);
    return 0;
}
