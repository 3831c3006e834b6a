/* basename/dirname, getsubopt, byte order, explicit_bzero. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libgen.h>
#include <arpa/inet.h>

int main(void) {
    const char *paths[] = {"/usr/lib/", "/usr/lib", "usr", "/", "//", "", ".", "..", "a/b//", "///a", "a//b"};
    for (unsigned i = 0; i < sizeof paths / sizeof *paths; i++) {
        char b1[32], b2[32];
        strcpy(b1, paths[i]); strcpy(b2, paths[i]);
        printf("[%s] base [%s] dir [%s]\n", paths[i], basename(b1), dirname(b2));
    }
    printf("null: [%s] [%s]\n", basename(NULL), dirname(NULL));
    char opts[] = "ro,rw=yes,size=10,bogus,rw";
    char *const keys[] = {"ro", "rw", "size", NULL};
    char *o = opts, *v;
    while (*o) { int k = getsubopt(&o, keys, &v); printf("subopt %d [%s]\n", k, v ? v : "(null)"); }
    printf("htonl %08x htons %04x ntohl %08x ntohs %04x\n", htonl(0x11223344), htons(0x1122), ntohl(0x11223344), ntohs(0x1122));
    char secret[8] = "secret"; explicit_bzero(secret, sizeof secret); printf("bzero %d\n", secret[0] + secret[5]);
    return 0;
}
