// Directories: opendir/readdir (sorted here), stat, rmdir, getcwd-free paths.
// mkdir: d/empty
// dir: d/a.txt=aaa
// dir: d/b.txt=bb
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
    DIR *d = opendir("/sandbox/d");
    if (!d) { perror("opendir"); return 1; }
    char *names[16];
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) && n < 16) names[n++] = strdup(e->d_name);
    closedir(d);
    qsort(names, n, sizeof names[0], cmp);
    for (int i = 0; i < n; i++) {
        char path[256];
        struct stat st;
        snprintf(path, sizeof path, "/sandbox/d/%s", names[i]);
        if (stat(path, &st) != 0) { printf("%s: stat failed\n", names[i]); continue; }
        printf("%s: %s, size %lld\n", names[i], S_ISDIR(st.st_mode) ? "dir" : S_ISREG(st.st_mode) ? "file" : "other",
               S_ISREG(st.st_mode) ? (long long)st.st_size : 0LL);
        free(names[i]);
    }
    if (rmdir("/sandbox/d/empty") != 0) { perror("rmdir"); return 1; }
    errno = 0;
    if (rmdir("/sandbox/d") != 0) printf("rmdir non-empty fails: %s\n", errno == ENOTEMPTY ? "ENOTEMPTY" : "other errno");
    struct stat st;
    printf("stat missing: %d, errno ENOENT: %d\n", stat("/sandbox/nope", &st), errno == ENOENT);
    return 0;
}
