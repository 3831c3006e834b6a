// *at() functions, chdir/getcwd (wasi-libc's emulated cwd), scandir, fcntl,
// fdopen, fdopendir.
// mkdir: top/sub
// dir: top/one.txt=1
// dir: top/two.txt=22
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void) {
    int dfd = open("/sandbox/top", O_RDONLY | O_DIRECTORY);
    if (dfd < 0) { perror("open dir"); return 1; }
    int fd = openat(dfd, "new.txt", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    printf("openat create: %d\n", fd >= 0);
    printf("fcntl F_GETFL append: %d\n", (fcntl(fd, F_GETFL) & O_APPEND) != 0);
    printf("fcntl F_SETFL O_APPEND: %d\n", fcntl(fd, F_SETFL, O_APPEND));
    printf("fcntl F_GETFL append now: %d\n", (fcntl(fd, F_GETFL) & O_APPEND) != 0);
    FILE *f = fdopen(fd, "a");
    fprintf(f, "via fdopen\n");
    fclose(f);
    struct stat st;
    printf("fstatat new.txt: %d size %lld\n", fstatat(dfd, "new.txt", &st, 0), (long long)st.st_size);
    printf("mkdirat: %d\n", mkdirat(dfd, "made", 0755));
    printf("renameat: %d\n", renameat(dfd, "one.txt", dfd, "made/one.txt"));
    printf("unlinkat file: %d\n", unlinkat(dfd, "two.txt", 0));
    printf("unlinkat dir (AT_REMOVEDIR): %d\n", unlinkat(dfd, "sub", AT_REMOVEDIR));
    printf("faccessat: %d\n", faccessat(dfd, "made/one.txt", F_OK, 0));

    char cwd[256];
    printf("getcwd initially: %s\n", getcwd(cwd, sizeof cwd) ? cwd : "(error)");
    printf("chdir: %d\n", chdir("/sandbox/top/made"));
    printf("getcwd now: %s\n", getcwd(cwd, sizeof cwd) ? cwd : "(error)");
    FILE *rel = fopen("one.txt", "r");
    char buf[16] = "";
    if (rel) { fgets(buf, sizeof buf, rel); fclose(rel); }
    printf("relative fopen read: '%s'\n", buf);
    printf("chdir missing: %d errno ENOENT %d\n", chdir("/sandbox/nope"), errno == ENOENT);

    struct dirent **list;
    int n = scandir("/sandbox/top", &list, NULL, alphasort);
    printf("scandir: %d entries:", n);
    for (int i = 0; i < n; i++) { printf(" %s", list[i]->d_name); free(list[i]); }
    printf("\n");
    free(list);
    DIR *d = fdopendir(dfd);
    int count = 0;
    while (readdir(d)) count++;
    printf("fdopendir entries: %d\n", count);
    closedir(d);
    return 0;
}
