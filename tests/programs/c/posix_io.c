// POSIX I/O on a preopened dir: open/pread/pwrite/lseek/ftruncate/fstat,
// symlink/readlink, link, utimensat + stat (struct stat layout), isatty,
// nanosleep.
// dir: data.txt=abcdefghij
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

int main(void) {
    int fd = open("/sandbox/data.txt", O_RDWR);
    if (fd < 0) { perror("open"); return 1; }
    char buf[32] = {0};
    ssize_t n = pread(fd, buf, 4, 3);
    printf("pread(4 @3) = %zd '%s'\n", n, buf);
    n = pwrite(fd, "XYZ", 3, 8);
    printf("pwrite(3 @8) = %zd\n", n);
    off_t end = lseek(fd, 0, SEEK_END);
    printf("lseek end = %lld\n", (long long)end);
    printf("lseek(-3, CUR) = %lld\n", (long long)lseek(fd, -3, SEEK_CUR));
    memset(buf, 0, sizeof buf);
    n = read(fd, buf, sizeof buf - 1);
    printf("read = %zd '%s'\n", n, buf);
    printf("ftruncate(6) = %d\n", ftruncate(fd, 6));
    struct stat st;
    fstat(fd, &st);
    printf("fstat: size %lld, regular %d, nlink %llu\n", (long long)st.st_size, S_ISREG(st.st_mode), (unsigned long long)st.st_nlink);
    close(fd);

    printf("symlink = %d\n", symlink("data.txt", "/sandbox/link"));
    memset(buf, 0, sizeof buf);
    n = readlink("/sandbox/link", buf, sizeof buf - 1);
    printf("readlink = %zd '%s'\n", n, buf);
    struct stat lst;
    printf("lstat is link: %d, stat through link size %lld\n",
           lstat("/sandbox/link", &lst) == 0 && S_ISLNK(lst.st_mode),
           stat("/sandbox/link", &st) == 0 ? (long long)st.st_size : -1LL);
    printf("link = %d\n", link("/sandbox/data.txt", "/sandbox/hard.txt"));
    stat("/sandbox/data.txt", &st);
    printf("nlink after link = %llu\n", (unsigned long long)st.st_nlink);

    struct timespec times[2] = {{1000000000, 123456789}, {1600000000, 987654321}};
    printf("utimensat = %d\n", utimensat(AT_FDCWD, "/sandbox/data.txt", times, 0));
    stat("/sandbox/data.txt", &st);
    printf("atime %lld.%09ld mtime %lld.%09ld\n", (long long)st.st_atim.tv_sec, st.st_atim.tv_nsec,
           (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);

    printf("isatty(1) = %d\n", isatty(1));
    struct timespec req = {0, 5000000};
    printf("nanosleep = %d\n", nanosleep(&req, NULL));
    return 0;
}
