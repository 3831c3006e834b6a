/* Random sequences of stream operations on a "w+" file and on memory
 * streams; every return value, position and final content is hashed. */
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

static unsigned long long s = 0x1234567887654321ULL;
static unsigned long long next(void) { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s; }
static unsigned long h;
static void mix(long v) { h = h * 1000003 + (unsigned long)v; }

static void ops(FILE *f, int count, int verbose) {
    char buf[300];
    for (int i = 0; i < count; i++) {
        unsigned long long r = next();
        long v = 0;
        switch (r % 12) {
        case 0: v = fputs("hello\n", f); break;
        case 1: v = fputc('a' + (int)(r >> 8) % 26, f); break;
        case 2: { size_t n = (r >> 8) % 300; memset(buf, 'A' + (int)(r >> 20) % 26, n); v = fwrite(buf, 1, n, f); break; }
        case 3: v = fseek(f, (long)((r >> 8) % 200) - 50, (int)((r >> 16) % 3)); break;
        case 4: { size_t n = (r >> 8) % 300; v = fread(buf, 1, n, f); for (long k = 0; k < v; k++) mix(buf[k]); break; }
        case 5: v = fgetc(f); break;
        case 6: v = ungetc('Z', f); break;
        case 7: v = fflush(f); break;
        case 8: v = ftell(f); break;
        case 9: v = fgets(buf, (int)((r >> 8) % 20) + 1, f) ? (long)strlen(buf) : -1; break;
        case 10: v = feof(f) * 2 + ferror(f); clearerr(f); break;
        case 11: v = fprintf(f, "%d-%s;", (int)(r >> 8) % 1000, "x"); break;
        }
        mix(v);
        if (verbose) printf("op %d -> %ld\n", (int)(r % 12), v);
    }
}

int main(void) {
    static char vbuf[64];
    for (int round = 0; round < 40; round++) {
        FILE *f = fopen("fuzz.tmp", "w+");
        if (!f) { printf("SKIP\n"); return 0; }
        int mode = round % 4;
        if (mode == 1) setvbuf(f, NULL, _IONBF, 0);
        if (mode == 2) setvbuf(f, vbuf, _IOFBF, sizeof vbuf);
        if (mode == 3) setvbuf(f, NULL, _IOLBF, 0);
        ops(f, 200, round == 0);
        fseek(f, 0, SEEK_END);
        long size = ftell(f);
        rewind(f);
        int c; long sum = 0;
        while ((c = fgetc(f)) != EOF) sum = sum * 31 + c;
        mix(size); mix(sum);
        printf("round %d size %ld sum %ld hash %lu\n", round, size, sum, h);
        fclose(f);
    }
    remove("fuzz.tmp");
    static char mem[512];
    for (int round = 0; round < 10; round++) {
        memset(mem, 0, sizeof mem);
        FILE *f = fmemopen(mem, sizeof mem, "w+");
        ops(f, 100, 0);
        fclose(f);
        for (unsigned k = 0; k < sizeof mem; k++) mix(mem[k]);
        printf("mem round %d hash %lu\n", round, h);
    }
    return 0;
}
