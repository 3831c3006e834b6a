/* The pseudo-random sequences must be musl's exactly. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int i;
    for (i = 0; i < 5; i++) printf("rand %d\n", rand());
    srand(42); for (i = 0; i < 5; i++) printf("rand42 %d\n", rand());
    srand(1); printf("rand1 %d\n", rand());
    unsigned s = 7; for (i = 0; i < 5; i++) printf("rand_r %d\n", rand_r(&s));
    for (i = 0; i < 40; i++) printf("random %ld\n", random());
    srandom(5); for (i = 0; i < 5; i++) printf("random5 %ld\n", random());
    static char st[64];
    char *old = initstate(9, st, sizeof st);
    for (i = 0; i < 5; i++) printf("init64 %ld\n", random());
    setstate(old); printf("restored %ld\n", random());
    static char st8[16];
    initstate(3, st8, sizeof st8); for (i = 0; i < 3; i++) printf("init16 %ld\n", random());
    for (i = 0; i < 3; i++) printf("drand48 %.17g lrand48 %ld mrand48 %ld\n", drand48(), lrand48(), mrand48());
    srand48(1234); for (i = 0; i < 3; i++) printf("s drand48 %.17g lrand48 %ld mrand48 %ld\n", drand48(), lrand48(), mrand48());
    unsigned short x[3] = {1, 2, 3};
    printf("erand48 %.17g nrand48 %ld jrand48 %ld\n", erand48(x), nrand48(x), jrand48(x));
    unsigned short sd[3] = {5, 6, 7};
    unsigned short *o = seed48(sd); printf("seed48 old %u %u %u next %ld\n", o[0], o[1], o[2], lrand48());
    unsigned short p[7] = {1, 2, 3, 4, 5, 6, 7}; lcong48(p); printf("lcong48 %ld\n", lrand48());
    return 0;
}
