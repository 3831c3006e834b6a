// Allocator edge cases: malloc(0), realloc(NULL, n), realloc to 0, calloc
// overflow, huge requests, posix_memalign/aligned_alloc alignment, reuse.
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    void *z = malloc(0);
    printf("malloc(0) is freeable: %d\n", (free(z), 1));
    char *r = realloc(NULL, 16);
    strcpy(r, "realloc(NULL)");
    printf("%s ok\n", r);
    r = realloc(r, 100000);
    printf("grown keeps data: %d\n", strcmp(r, "realloc(NULL)") == 0);
    r = realloc(r, 4);
    printf("shrunk keeps prefix: %d\n", memcmp(r, "real", 4) == 0);
    free(r);
    errno = 0;
    void *volatile c = calloc(SIZE_MAX / 2, 4); // volatile: clang may not elide it
    printf("calloc overflow: NULL %d, ENOMEM %d\n", c == NULL, errno == ENOMEM);
    errno = 0;
    void *volatile huge = malloc(SIZE_MAX - 4096);
    printf("huge malloc: NULL %d, ENOMEM %d\n", huge == NULL, errno == ENOMEM);
    void *p = NULL;
    int rc = posix_memalign(&p, 256, 1000);
    printf("posix_memalign: rc %d aligned %d\n", rc, ((uintptr_t)p & 255) == 0);
    free(p);
    printf("posix_memalign bad alignment: %d\n", posix_memalign(&p, 3, 16) == EINVAL);
    void *a = aligned_alloc(4096, 8192);
    printf("aligned_alloc 4096: %d\n", ((uintptr_t)a & 4095) == 0);
    free(a);
    int *big = calloc(1 << 20, sizeof(int));
    long sum = 0;
    for (int i = 0; i < 1 << 20; i++) sum += big[i];
    printf("calloc 4 MiB zeroed: %d\n", sum == 0);
    free(big);
    void *blocks[1000];
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 1000; i++) blocks[i] = malloc((size_t)(i % 64) * 16 + 1);
        for (int i = 999; i >= 0; i--) free(blocks[i]);
    }
    printf("churn done\n");
    return 0;
}
