/* glob over a small tree: wildcards per component, literals, GLOB_MARK,
 * GLOB_NOCHECK, hidden files, trailing slash, GLOB_APPEND, GLOB_DOOFFS. */
#include <glob.h>
#include <stdio.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static void show(const char *pat, int flags) {
  glob_t g; g.gl_offs = 2;
  int r = glob(pat, flags, 0, &g);
  printf("%s flags=%x -> %d:", pat, flags, r);
  if (r == 0 || r == GLOB_NOMATCH) for (size_t i = 0; r == 0 && i < g.gl_pathc; i++) printf(" %s", g.gl_pathv[((flags & GLOB_DOOFFS) ? 2 : 0) + i]);
  printf("\n");
  if (r == 0) globfree(&g);
}

int main(void) {
  mkdir("/sandbox/g", 0777); mkdir("/sandbox/g/sub", 0777); mkdir("/sandbox/g/sub2", 0777);
  const char *files[] = {"/sandbox/g/a.c", "/sandbox/g/b.c", "/sandbox/g/c.h", "/sandbox/g/.hidden.c", "/sandbox/g/sub/x.c", "/sandbox/g/sub2/y.c", "/sandbox/g/[lit]", 0};
  for (int i = 0; files[i]; i++) close(open(files[i], O_CREAT | O_WRONLY, 0600));
  show("/sandbox/g/*.c", 0);
  show("/sandbox/g/*", GLOB_MARK);
  show("/sandbox/g/.*", 0);
  show("/sandbox/g/*", GLOB_PERIOD);
  show("/sandbox/g/?.[ch]", 0);
  show("/sandbox/g/*/*.c", 0);
  show("/sandbox/g/*/", 0);
  show("/sandbox/g/sub*/y.c", 0);
  show("/sandbox/g/a.c", 0);
  show("/sandbox/g/none.c", 0);
  show("/sandbox/g/*.zz", 0);
  show("/sandbox/g/*.zz", GLOB_NOCHECK);
  show("/sandbox/g/\\[lit]", 0);
  show("/sandbox/g/[[]lit]", 0);
  show("/sandbox/nodir/*.c", 0);
  show("/sandbox/g/*.c", GLOB_DOOFFS);
  show("/sandbox/g/*", GLOB_NOSORT | GLOB_MARK);
  glob_t g; glob("/sandbox/g/*.h", 0, 0, &g); glob("/sandbox/g/sub/*", GLOB_APPEND, 0, &g);
  printf("append: %zu", g.gl_pathc); for (size_t i = 0; i < g.gl_pathc; i++) printf(" %s", g.gl_pathv[i]); printf("\n"); globfree(&g);
  chdir("/sandbox/g"); show("*.c", 0); show("sub/../*.h", 0);
  return 0;
}
