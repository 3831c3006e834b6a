/* Directory streams, compared with wasi-libc: opendir/fdopendir errors,
 * readdir order-independent listing, readdir_r, telldir/seekdir back to a
 * remembered entry, rewinddir after changes, dirfd, scandir with a filter
 * and alphasort (and with NULL compar), alphasort itself, closedir.
 * (readdir_r: wasi-libc does not define it, nor do we.) */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int cmpstr(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Prints the names of the remaining entries of `d`, sorted. */
static void list(const char *what, DIR *d) {
  char *names[64]; int n = 0; struct dirent *e;
  while ((e = readdir(d)) && n < 64) names[n++] = strdup(e->d_name);
  qsort(names, n, sizeof *names, cmpstr);
  printf("%s:", what);
  for (int i = 0; i < n; i++) { printf(" %s", names[i]); free(names[i]); }
  printf("\n");
}

static int no_dots(const struct dirent *e) { return e->d_name[0] != '.'; }

int main(void) {
  mkdir("/sandbox/d", 0755);
  const char *files[] = {"b", "a", "c.txt", "B", "zz", "a1"};
  for (int i = 0; i < 6; i++) { char p[64]; snprintf(p, sizeof p, "/sandbox/d/%s", files[i]); close(open(p, O_CREAT | O_WRONLY, 0644)); }
  mkdir("/sandbox/d/sub", 0755);
  symlink("a", "/sandbox/d/link");

  errno = 0; DIR *bad = opendir("/sandbox/missing"); printf("opendir missing: %d errno=%d\n", bad != NULL, errno);
  errno = 0; bad = opendir("/sandbox/d/a"); printf("opendir file: %d errno=%d\n", bad != NULL, errno);
  errno = 0; bad = opendir("/outside"); printf("opendir outside: %d errno=%d\n", bad != NULL, errno);
  errno = 0; bad = opendir("/sandbox/.."); printf("opendir ..: %d errno=%d\n", bad != NULL, errno);
  errno = 0; bad = fdopendir(99); printf("fdopendir 99: %d errno=%d\n", bad != NULL, errno);
  int ffd = open("/sandbox/d/a", O_RDONLY);
  errno = 0; bad = fdopendir(ffd); printf("fdopendir file: %d errno=%d\n", bad != NULL, errno);
  close(ffd);

  DIR *d = opendir("/sandbox/d");
  printf("dirfd ok: %d\n", dirfd(d) >= 0);
  list("readdir", d);
  errno = 0; printf("readdir at end: %d errno=%d\n", readdir(d) != NULL, errno);
  rewinddir(d);
  /* d_type of each entry. */
  struct dirent *e; int types[16] = {0};
  while ((e = readdir(d))) if (e->d_type < 16) types[e->d_type]++;
  printf("types: reg=%d dir=%d lnk=%d\n", types[DT_REG], types[DT_DIR], types[DT_LNK]);

  /* telldir/seekdir: remember the 3rd entry, read on, come back. */
  rewinddir(d);
  readdir(d); readdir(d);
  long pos = telldir(d);
  char third[256]; strcpy(third, readdir(d)->d_name);
  int rest = 0; while (readdir(d)) rest++;
  seekdir(d, pos);
  e = readdir(d);
  printf("seekdir back: same=%d rest=%d\n", e && strcmp(e->d_name, third) == 0, rest);
  seekdir(d, 0);
  int again = 0; while (readdir(d)) again++;
  printf("seekdir 0 count=%d\n", again);

  /* Changes are seen after rewinddir. */
  close(open("/sandbox/d/new", O_CREAT | O_WRONLY, 0644));
  unlink("/sandbox/d/zz");
  rewinddir(d);
  list("after rewind", d);

  printf("closedir: %d\n", closedir(d));

  /* fdopendir on an O_DIRECTORY fd; closedir closes it. */
  int dfd = open("/sandbox/d/sub", O_RDONLY | O_DIRECTORY);
  d = fdopendir(dfd);
  list("fdopendir sub", d);
  printf("dirfd same: %d\n", dirfd(d) == dfd);
  closedir(d);
  errno = 0; printf("fd closed by closedir: %d errno=%d\n", close(dfd), errno);

  /* scandir with filter + alphasort, then without. */
  struct dirent **nl;
  int n = scandir("/sandbox/d", &nl, no_dots, alphasort);
  printf("scandir filtered sorted n=%d:", n);
  for (int i = 0; i < n; i++) { printf(" %s", nl[i]->d_name); free(nl[i]); }
  printf("\n"); free(nl);
  n = scandir("/sandbox/d", &nl, NULL, NULL);
  printf("scandir all n=%d\n", n);
  for (int i = 0; i < n; i++) free(nl[i]);
  free(nl);
  errno = 0; n = scandir("/sandbox/missing", &nl, NULL, alphasort); printf("scandir missing: %d errno=%d\n", n, errno);
  errno = 0; n = scandir("/sandbox/d/a", &nl, NULL, alphasort); printf("scandir file: %d errno=%d\n", n, errno);

  /* alphasort directly. */
  struct dirent x, y; struct dirent *px = &x, *py = &y;
  strcpy(x.d_name, "apple"); strcpy(y.d_name, "Banana");
  printf("alphasort(apple, Banana) sign=%d\n", (alphasort((const struct dirent **)&px, (const struct dirent **)&py) > 0) - (alphasort((const struct dirent **)&px, (const struct dirent **)&py) < 0));
  strcpy(y.d_name, "apple");
  printf("alphasort equal=%d\n", alphasort((const struct dirent **)&px, (const struct dirent **)&py));

  /* Relative opendir after chdir, and a directory removed while open. */
  chdir("/sandbox/d");
  d = opendir("sub");
  printf("opendir relative: %d\n", d != NULL);
  rmdir("/sandbox/d/sub");
  int left = 0; while (readdir(d)) left++;
  printf("removed dir entries=%d\n", left);
  closedir(d);
  d = opendir("..");
  list("opendir ..", d);
  closedir(d);
  return 0;
}
