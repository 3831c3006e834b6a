// printf/snprintf/sscanf conversions and flags (deterministic values only).
#include <inttypes.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>

int main(void) {
    printf("[%d] [%5d] [%-5d] [%05d] [%+d] [% d]\n", 42, 42, 42, 42, 42, 42);
    printf("[%i] [%u] [%o] [%#o] [%x] [%#X]\n", -7, 3000000000u, 8, 8, 0xdead, 0xbeef);
    printf("[%ld] [%lld] [%hd] [%hhu] [%zu] [%td]\n", LONG_MIN, LLONG_MAX, (short)-2, (unsigned char)300, sizeof(int), (ptrdiff_t)-5);
    printf("[%" PRId64 "] [%" PRIu64 "] [%" PRIx32 "]\n", INT64_MIN, UINT64_MAX, UINT32_MAX);
    printf("[%f] [%.2f] [%10.3f] [%-10.1f] [%e] [%.0e] [%g] [%G]\n", 3.14159, 2.005, -1.5, 9.99, 1234.5, 5e10, 0.00001234, 1e-10);
    printf("[%s] [%.3s] [%8s] [%-8s] [%c] [%%]\n", "text", "truncate", "right", "left", 'Z');
    printf("[%*d] [%-*d] [%.*f]\n", 6, 1, 6, 2, 3, 1.0 / 3);
    char buf[8];
    int n = snprintf(buf, sizeof buf, "%s", "overflowing string");
    printf("snprintf truncated: [%s] wanted %d\n", buf, n);
    int a = 0, b = 0;
    char word[16] = "";
    float f = 0;
    int got = sscanf("12 -34 hello 2.5", "%d %d %15s %f", &a, &b, word, &f);
    printf("sscanf: %d items: %d %d %s %.2f\n", got, a, b, word, f);
    unsigned x = 0;
    got = sscanf("ff zz", "%x %x", &x, &x);
    printf("sscanf hex: %d items, x = %u\n", got, x);
    return 0;
}
