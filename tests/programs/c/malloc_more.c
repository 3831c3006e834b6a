/* Allocator edge cases beyond c_malloc.c, compared with wasi-libc's
 * dlmalloc: exact malloc_usable_size per request size, posix_memalign /
 * aligned_alloc argument checking, failures (2 GiB, SIZE_MAX) with errno,
 * realloc(p, 0), failed realloc keeping the block, memory grown behind the
 * allocator's back (sbrk), and freed memory reused across sizes without
 * growing linear memory. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

size_t malloc_usable_size(void *); /* not in Debian's 2022 headers */
static size_t pages(void) { return __builtin_wasm_memory_size(0); }
/* Called through volatile pointers so that clang cannot fold or drop them. */
static void *(*volatile xmalloc)(size_t) = malloc;
static void *(*volatile xcalloc)(size_t, size_t) = calloc;
static void *(*volatile xrealloc)(void *, size_t) = realloc;
static void *(*volatile xaligned_alloc)(size_t, size_t) = aligned_alloc;
static int (*volatile xposix_memalign)(void **, size_t, size_t) = posix_memalign;
#define malloc xmalloc
#define calloc xcalloc
#define realloc xrealloc
#define aligned_alloc xaligned_alloc
#define posix_memalign xposix_memalign

int main(void) {
  /* Usable size is the chunk size minus 4, as dlmalloc's. */
  for (size_t n = 0; n <= 70; n++) { void *volatile p = malloc(n); printf("%zu:%zu%c", n, malloc_usable_size(p), n % 12 == 11 ? '\n' : ' '); free(p); }
  size_t sizes[] = {100, 255, 256, 1000, 1020, 1021, 4096, 65536, 100000};
  for (int i = 0; i < 9; i++) { void *volatile p = malloc(sizes[i]); printf("usable(%zu)=%zu\n", sizes[i], malloc_usable_size(p)); free(p); }
  printf("usable(NULL)=%zu\n", malloc_usable_size(NULL));

  size_t aligns[] = {0, 1, 2, 4, 8, 12, 16, 24, 32, 48, 64, 4096, (size_t)1 << 31};
  for (int i = 0; i < 13; i++) {
    void *m = (void *)1; errno = 0;
    int rc = posix_memalign(&m, aligns[i], 40);
    int e = errno;
    printf("posix_memalign(%zu)=%d set=%d errno=%d", aligns[i], rc, m != (void *)1 && m != NULL, rc ? e : 0);
    if (rc == 0) { printf(" aligned=%d", (uintptr_t)m % (aligns[i] < 16 ? 16 : aligns[i]) == 0); free(m); }
    errno = 0;
    void *volatile a = aligned_alloc(aligns[i], 40);
    size_t want = 16; while (want < aligns[i]) want <<= 1;
    printf(" aligned_alloc=%d errno=%d aligned_pow2=%d\n", a != NULL, errno, a ? (uintptr_t)a % want == 0 : -1);
    free(a);
  }
  void *m = NULL; errno = 0;
  printf("posix_memalign huge: %d errno=%d\n", posix_memalign(&m, 64, SIZE_MAX - 100), errno);

  errno = 0; void *volatile big = malloc((size_t)1 << 31); printf("malloc(2G)=%d errno=%d\n", big != NULL, errno); free(big);
  errno = 0; big = malloc(SIZE_MAX); printf("malloc(SIZE_MAX)=%d errno=%d\n", big != NULL, errno);
  errno = 0; big = calloc(0, 100); printf("calloc(0,100)=%d errno=%d\n", big != NULL, errno); free(big);
  errno = 0; big = calloc(65536, 65536); printf("calloc(64K,64K)=%d errno=%d\n", big != NULL, errno);

  char *volatile r = malloc(20); strcpy(r, "keep me");
  errno = 0; void *volatile r2 = realloc(r, SIZE_MAX - 8); printf("realloc huge=%d errno=%d kept=%s\n", r2 != NULL, errno, r);
  errno = 0; r2 = realloc(r, (size_t)1 << 31); printf("realloc 2G=%d errno=%d kept=%s\n", r2 != NULL, errno, r);
  errno = 0; r2 = realloc(r, 0); printf("realloc(p,0) non-null=%d errno=%d\n", r2 != NULL, errno); free(r2);

  /* Memory grown by someone else between allocations. */
  char *a1 = malloc(3000); memset(a1, 'a', 3000);
  void *brk = sbrk(65536); printf("sbrk ok=%d\n", brk != (void *)-1);
  char *a2 = malloc(200000); memset(a2, 'b', 200000);
  char *a3 = malloc(50); memset(a3, 'c', 50);
  a1 = realloc(a1, 100000); int ok = 1; for (int i = 0; i < 3000; i++) ok &= a1[i] == 'a';
  for (int i = 0; i < 200000; i++) ok &= a2[i] == 'b';
  for (int i = 0; i < 50; i++) ok &= a3[i] == 'c';
  printf("after foreign growth intact=%d\n", ok);
  free(a1); free(a2); free(a3);

  /* Freed small blocks serve a large request: no growth. */
  for (int round = 0; round < 2; round++) {
    size_t each = round ? 40 : 100;
    char *blk[2000];
    for (int i = 0; i < 2000; i++) blk[i] = malloc(each);
    for (int i = 0; i < 2000; i++) free(blk[i]);
    size_t before = pages();
    char *volatile large = malloc(2000 * each / 2);
    memset(large, 1, 2000 * each / 2);
    printf("small(%zu) run reused for a large block: grew=%d\n", each, pages() != before);
    free(large);
  }
  return 0;
}
