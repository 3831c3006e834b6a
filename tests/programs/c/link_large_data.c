// Large data: a 4 MiB initialised array (in the data section), a 3 MiB
// zero array (bss), and a 1 MiB const table; checksums prove the linker
// placed every byte.
#include <stdio.h>
#include <stdint.h>

#define N (1u << 20)
#define REP4(x) x, x, x, x
#define REP16(x) REP4(x), REP4(x), REP4(x), REP4(x)
#define REP64(x) REP16(x), REP16(x), REP16(x), REP16(x)

/* 1M uint32 = 4 MiB; only the first 64 entries are non-zero patterns, the
   last one too: forces a full-size initialised segment. */
uint32_t big[N] = { REP64(0x01020304u), [N - 1] = 0xdeadbeefu };
static uint8_t zero[3u << 20];
static const uint8_t ctab[1u << 20] = { [0] = 1, [12345] = 2, [(1u << 20) - 1] = 3 };

int main(void) {
    uint64_t sum = 0;
    for (uint32_t i = 0; i < N; i++) sum += big[i] ^ i;
    for (uint32_t i = 0; i < sizeof zero; i += 4096) zero[i] = (uint8_t)i;
    uint64_t zsum = 0;
    for (uint32_t i = 0; i < sizeof zero; i++) zsum += zero[i];
    uint64_t csum = 0;
    for (uint32_t i = 0; i < sizeof ctab; i++) csum += ctab[i] * (uint64_t)(i + 1);
    printf("big %llu last %x zero %llu const %llu\n", (unsigned long long)sum, big[N - 1],
           (unsigned long long)zsum, (unsigned long long)csum);
    return 0;
}
