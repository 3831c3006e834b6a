// fts over a tree the program builds under the /sandbox preopen: physical
// and logical walks, sorted siblings, fts_set (SKIP, FOLLOW, AGAIN),
// fts_children (incl. FTS_NAMEONLY), FTS_SEEDOT, FTS_NOSTAT, bad roots.
//
// Debian's 2022 wasi-libc headers have no <fts.h>, so the ABI of the newer
// wasi-libc (musl-fts 1.2.7 as wasi-libc builds it) is declared here.
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct _ftsent {
    struct _ftsent *fts_cycle;
    struct _ftsent *fts_parent;
    struct _ftsent *fts_link;
    int64_t fts_number;
    void *fts_pointer;
    char *fts_accpath;
    char *fts_path;
    int fts_errno;
    int fts_symfd;
    unsigned int fts_pathlen;
    unsigned int fts_namelen;
    ino_t fts_ino;
    dev_t fts_dev;
    nlink_t fts_nlink;
    int fts_level;
    unsigned short fts_info;
    unsigned short fts_flags;
    unsigned short fts_instr;
    struct stat *fts_statp;
    char fts_name[1];
} FTSENT;

typedef struct {
    FTSENT *fts_cur;
    FTSENT *fts_child;
    FTSENT **fts_array;
    dev_t fts_dev;
    char *fts_path;
    int fts_rfd;
    unsigned int fts_pathlen;
    unsigned int fts_nitems;
    int (*fts_compar)(const FTSENT **, const FTSENT **);
    int fts_options;
} FTS;

#define FTS_COMFOLLOW 0x001
#define FTS_LOGICAL 0x002
#define FTS_NOCHDIR 0x004
#define FTS_NOSTAT 0x008
#define FTS_PHYSICAL 0x010
#define FTS_SEEDOT 0x020
#define FTS_XDEV 0x040
#define FTS_NAMEONLY 0x100
#define FTS_AGAIN 1
#define FTS_FOLLOW 2
#define FTS_NOINSTR 3
#define FTS_SKIP 4

FTSENT *fts_children(FTS *, int);
int fts_close(FTS *);
FTS *fts_open(char *const *, int, int (*)(const FTSENT **, const FTSENT **));
FTSENT *fts_read(FTS *);
int fts_set(FTS *, FTSENT *, int);

_Static_assert(sizeof(FTS) == 48, "FTS");
_Static_assert(__builtin_offsetof(FTSENT, fts_name) == 96, "FTSENT");

static const char *info_name(int i) {
    static const char *names[] = {"?", "D", "DC", "DEFAULT", "DNR", "DOT", "DP", "ERR", "F", "INIT", "NS", "NSOK", "SL", "SLNONE", "W"};
    return i >= 0 && i < 15 ? names[i] : "?";
}

static int by_name(const FTSENT **a, const FTSENT **b) {
    return strcmp((*a)->fts_name, (*b)->fts_name);
}

static int by_name_desc(const FTSENT **a, const FTSENT **b) {
    return -strcmp((*a)->fts_name, (*b)->fts_name);
}

static void show(const FTSENT *e, int with_stat) {
    printf("  %-6s lvl %d name %s (%u) path %s (%u) acc %s err %d num %lld ptr %p", info_name(e->fts_info), e->fts_level,
           e->fts_name, e->fts_namelen, e->fts_path, e->fts_pathlen, e->fts_accpath, e->fts_errno,
           (long long)e->fts_number, e->fts_pointer);
    if (with_stat && e->fts_statp && (e->fts_info == 8 || e->fts_info == 1 || e->fts_info == 6))
        printf(" mode %o size %lld", e->fts_statp->st_mode & S_IFMT, e->fts_info == 8 ? (long long)e->fts_statp->st_size : -1LL);
    if (e->fts_info == 2) printf(" cycle %s", e->fts_cycle ? e->fts_cycle->fts_name : "-");
    printf("\n");
}

/// Walks `paths` with `options`, printing every entry; `skip` (if set) is
/// skipped at its preorder visit, `follow` followed.
static void walk(const char *title, char *const *paths, int options, int (*cmp)(const FTSENT **, const FTSENT **),
                 const char *skip, const char *follow) {
    printf("%s\n", title);
    errno = 0;
    FTS *fts = fts_open(paths, options, cmp);
    if (!fts) {
        printf("  fts_open failed errno %d\n", errno);
        return;
    }
    FTSENT *e;
    int again = 0, followed = 0;
    while ((e = fts_read(fts))) {
        show(e, !(options & FTS_NOSTAT));
        if (skip && e->fts_info == 1 && !strcmp(e->fts_name, skip)) printf("  fts_set skip %d\n", fts_set(fts, e, FTS_SKIP));
        if (follow && (e->fts_info == 12 || e->fts_info == 13) && !strcmp(e->fts_name, follow) && !followed++)
            printf("  fts_set follow %d\n", fts_set(fts, e, FTS_FOLLOW));
        if (e->fts_info == 8 && !strcmp(e->fts_name, "f1") && !again++) printf("  fts_set again %d\n", fts_set(fts, e, FTS_AGAIN));
    }
    printf("  end errno %d close %d\n", errno, fts_close(fts));
}

static void mkfile(const char *path, const char *text) {
    int fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    if (fd < 0) {
        printf("cannot create %s\n", path);
        return;
    }
    write(fd, text, strlen(text));
    close(fd);
}

int main(void) {
    mkdir("/sandbox/t", 0755);
    mkdir("/sandbox/t/a", 0755);
    mkdir("/sandbox/t/a/b", 0755);
    mkdir("/sandbox/t/a/b/c", 0755);
    mkdir("/sandbox/t/d", 0755);
    mkfile("/sandbox/t/f1", "one");
    mkfile("/sandbox/t/a/f2", "two!");
    mkfile("/sandbox/t/a/b/f3", "three");
    mkfile("/sandbox/t/e", "");
    printf("symlink s %d\n", symlink("a", "/sandbox/t/s"));
    printf("symlink broken %d\n", symlink("nowhere", "/sandbox/t/broken"));
    printf("symlink tofile %d\n", symlink("f1", "/sandbox/t/tofile"));
    printf("symlink loop %d\n", symlink("..", "/sandbox/t/a/b/up"));

    char *root[] = {"/sandbox/t", 0};
    char *root_slash[] = {"/sandbox/t/", 0};
    char *roots[] = {"/sandbox/t/e", "/sandbox/t/d", "/sandbox/missing", "/sandbox/t/a/b", "/sandbox/t/s", 0};
    char *empty[] = {"/sandbox/t/d", "", 0};
    char *sub[] = {"/sandbox/t/a", 0};

    walk("physical sorted", root, FTS_PHYSICAL, by_name, 0, 0);
    walk("physical nochdir descending", root, FTS_PHYSICAL | FTS_NOCHDIR, by_name_desc, 0, 0);
    walk("logical sorted", sub, FTS_LOGICAL, by_name, 0, 0);
    walk("physical skip a, follow s", root, FTS_PHYSICAL, by_name, "a", "s");
    walk("physical follow broken", root, FTS_PHYSICAL, by_name, 0, "broken");
    walk("comfollow root symlink", (char *[]){"/sandbox/t/s", 0}, FTS_PHYSICAL | FTS_COMFOLLOW, by_name, 0, 0);
    walk("no comfollow root symlink", (char *[]){"/sandbox/t/s", 0}, FTS_PHYSICAL, by_name, 0, 0);
    walk("seedot", sub, FTS_PHYSICAL | FTS_SEEDOT, by_name, 0, 0);
    walk("nostat", root, FTS_PHYSICAL | FTS_NOSTAT, by_name, 0, 0);
    walk("root with slash", root_slash, FTS_PHYSICAL, by_name, 0, 0);
    walk("several roots, sorted", roots, FTS_PHYSICAL, by_name, 0, 0);
    walk("several roots, argument order", roots, FTS_PHYSICAL, 0, "b", 0);
    walk("empty root", empty, FTS_PHYSICAL, 0, 0, 0);
    walk("bad options", root, 0x400, 0, 0, 0);
    walk("xdev", sub, FTS_PHYSICAL | FTS_XDEV, by_name, 0, 0);

    // Unsorted walk: directory order is the host's, so only count.
    {
        FTS *fts = fts_open(root, FTS_PHYSICAL, 0);
        int n = 0, d = 0, dp = 0, f = 0;
        FTSENT *e;
        while ((e = fts_read(fts))) {
            n++;
            d += e->fts_info == 1;
            dp += e->fts_info == 6;
            f += e->fts_info == 8;
        }
        printf("unsorted: %d entries, %d D, %d DP, %d F\n", n, d, dp, f);
        fts_close(fts);
    }

    // fts_children: before the first read (the roots), at a directory,
    // names only, then reading on; and fts_set with a bad instruction.
    {
        FTS *fts = fts_open(roots, FTS_PHYSICAL, by_name);
        errno = 0;
        FTSENT *c = fts_children(fts, 0);
        printf("children at init:");
        for (; c; c = c->fts_link) printf(" %s/%s", info_name(c->fts_info), c->fts_name);
        printf(" errno %d\n", errno);
        FTSENT *e;
        while ((e = fts_read(fts))) {
            if (e->fts_info == 1) {
                errno = 0;
                c = fts_children(fts, strcmp(e->fts_name, "b") ? 0 : FTS_NAMEONLY);
                printf("children of %s:", e->fts_path);
                for (; c; c = c->fts_link) printf(" %s/%s(%s)", info_name(c->fts_info), c->fts_name, c->fts_path);
                printf(" errno %d\n", errno);
            }
            show(e, 1);
        }
        errno = 0;
        printf("fts_children bad instr %p errno %d\n", (void *)fts_children(fts, 7), errno);
        fts_close(fts);
        fts = fts_open(root, FTS_PHYSICAL, by_name);
        e = fts_read(fts);
        errno = 0;
        printf("fts_set bad %d errno %d\n", fts_set(fts, e, 9), errno);
        e = fts_read(fts);
        errno = 0;
        c = fts_children(fts, 0);
        printf("children of %s:", e->fts_name);
        for (; c; c = c->fts_link) printf(" %s/%s", info_name(c->fts_info), c->fts_name);
        printf(" errno %d\n", errno);
        while ((e = fts_read(fts)) && e->fts_info != 8) {
        }
        errno = 0;
        c = fts_children(fts, 0);
        printf("children of file %s: %s errno %d\n", e ? e->fts_name : "-", c ? "list" : "null", errno);
        // Close in the middle of a walk.
        printf("close mid-walk %d\n", fts_close(fts));
    }

    // A long path: deeper than the initial buffer is wide.
    {
        char path[300] = "/sandbox/t/d";
        for (int i = 0; i < 12; i++) {
            strcat(path, "/very_long_directory_name_");
            char n[4] = {'a' + i, 0};
            strcat(path, n);
            mkdir(path, 0755);
        }
        FTS *fts = fts_open((char *[]){"/sandbox/t/d", 0}, FTS_PHYSICAL, by_name);
        FTSENT *e;
        size_t maxlen = 0;
        int n = 0;
        while ((e = fts_read(fts))) {
            n++;
            if (strlen(e->fts_path) != e->fts_pathlen) printf("pathlen mismatch at %s\n", e->fts_path);
            if (e->fts_pathlen > maxlen) maxlen = e->fts_pathlen;
        }
        printf("deep: %d entries, longest path %zu\n", n, maxlen);
        fts_close(fts);
    }
    return 0;
}
