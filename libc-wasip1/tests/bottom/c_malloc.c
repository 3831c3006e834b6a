/* Allocator integrity: patterns survive, realloc keeps contents, alignment,
 * zeroing, error cases. Output must match wasi-libc (dlmalloc). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <errno.h>
#include <malloc.h>

void *memalign(size_t, size_t); size_t malloc_usable_size(void *); /* not in Debian's 2022 headers */
static unsigned s = 1; static unsigned rnd(void) { s = s * 1103515245u + 12345u; return s >> 8; }
enum { N = 2000 };
static unsigned char *p[N]; static size_t len[N];

static int check(int i) { for (size_t k = 0; k < len[i]; k++) if (p[i][k] != (unsigned char)(i + k)) return 0; return 1; }
static void fill(int i) { for (size_t k = 0; k < len[i]; k++) p[i][k] = (unsigned char)(i + k); }

int main(void) {
  long bad = 0, misaligned = 0, small_usable = 0;
  for (int round = 0; round < 200000; round++) {
    int i = rnd() % N;
    if (p[i]) {
      if (!check(i)) bad++;
      if (rnd() % 3 == 0) {
        size_t n = rnd() % (rnd() % 10 == 0 ? 300000 : 600) + 1;
        unsigned char *q = realloc(p[i], n);
        size_t keep = n < len[i] ? n : len[i];
        for (size_t k = 0; k < keep; k++) if (q[k] != (unsigned char)(i + k)) { bad++; break; }
        p[i] = q; len[i] = n; fill(i);
      } else { free(p[i]); p[i] = 0; }
    } else {
      size_t n = rnd() % (rnd() % 20 == 0 ? 100000 : 500);
      p[i] = (rnd() % 4 == 0) ? calloc(1, n) : malloc(n);
      if (!p[i]) { bad++; continue; }
      if ((uintptr_t)p[i] % 16) misaligned++;
      if (malloc_usable_size(p[i]) < n) small_usable++;
      len[i] = n; fill(i);
    }
  }
  for (int i = 0; i < N; i++) { if (p[i] && !check(i)) bad++; free(p[i]); p[i] = 0; }
  printf("bad=%ld misaligned=%ld small_usable=%ld\n", bad, misaligned, small_usable);
  /* calloc must zero reused memory */
  unsigned char *a = malloc(1000); memset(a, 0xAB, 1000); free(a);
  unsigned char *z = calloc(1000, 1); int nonzero = 0; for (int k = 0; k < 1000; k++) nonzero |= z[k]; printf("calloc zero=%d\n", !nonzero); free(z);
  for (size_t al = 1; al <= 65536; al *= 4) {
    void *q = aligned_alloc(al, 100); void *r = aligned_alloc(al, 3); void *m = 0; int e = posix_memalign(&m, al, 50);
    printf("align %zu: %d %d %d e=%d usable_ok=%d\n", al, q && (uintptr_t)q % al == 0, r && (uintptr_t)r % al == 0, m && (uintptr_t)m % al == 0, e, malloc_usable_size(q) >= 100);
    q = realloc(q, 5000); printf("  realloc of aligned ok=%d\n", q != 0); free(q); free(r); free(m);
  }
  void *m = 0;
  printf("posix_memalign(3)=%d posix_memalign(2)=%d\n", posix_memalign(&m, 3, 10), posix_memalign(&m, 2, 10));
  errno = 0; void *huge = malloc((size_t)-1 / 2); printf("huge ok=%d\n", huge != 0); free(huge);
  errno = 0; void *ov = calloc((size_t)-1 / 2, 4); printf("calloc overflow=%p errno=%d\n", ov, errno);
  errno = 0; void *ra = reallocarray(0, (size_t)-1 / 2, 4); printf("reallocarray overflow=%p errno=%d\n", ra, errno);
  void *zero = malloc(0); printf("malloc(0) non-null=%d\n", zero != 0); free(zero);
  free(0);
  void *r0 = realloc(0, 10); printf("realloc(NULL) ok=%d\n", r0 != 0); free(r0);
  return 0;
}
