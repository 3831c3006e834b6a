// crypt/crypt_r over every scheme wasi-libc supports (DES, BSDi extended
// DES, MD5, SHA-256, SHA-512, bcrypt $2a$/$2b$/$2x$/$2y$), with rounds=
// parameters, odd keys and invalid settings; encrypt/setkey; and musl's
// internal __des_setkey/__do_des and __crypt_* entry points.
#include <crypt.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

struct expanded_key {
    uint32_t l[16], r[16];
};
void __des_setkey(const unsigned char *, struct expanded_key *);
void __do_des(uint32_t, uint32_t, uint32_t *, uint32_t *, uint32_t, uint32_t, const struct expanded_key *);
void setkey(const char *);
void encrypt(char *, int);
char *__crypt_r(const char *, const char *, struct crypt_data *);
char *__crypt_des(const char *, const char *, char *);
char *__crypt_md5(const char *, const char *, char *);
char *__crypt_sha256(const char *, const char *, char *);
char *__crypt_sha512(const char *, const char *, char *);
char *__crypt_blowfish(const char *, const char *, char *);

/// Prints a string with non-printable bytes escaped.
static void show(const char *label, const char *s) {
    printf("%s ", label);
    if (!s) {
        printf("(null)\n");
        return;
    }
    for (; *s; s++) {
        unsigned char c = *s;
        if (c >= 32 && c < 127 && c != '\\')
            putchar(c);
        else
            printf("\\x%02x", c);
    }
    putchar('\n');
}

static const char *keys[] = {
    "",
    "a",
    "password",
    "correct horse battery staple",
    "\x80\xff\x80\x01\x7f\x81\x80\x80\x0d\x0a\xff\x7f \x81 test",
    "8b \xd0\xc1\xd2\xcf\xcc\xd8",
    "\xff\xa3" "34" "\xff\xff\xff\xa3" "345",
    "\xff\xff\xff\xff",
    "0123456789012345678901234567890123456789012345678901234567890123456789012345",
    "U*U",
};

static const char *settings[] = {
    // Traditional DES, valid and odd salts.
    "ab", "./", "zz", "9Z", "\x80x", "a", "a\n", "a:", ":a", "", "!#", "~~", "*0", "*", "xx$extra",
    // BSDi extended DES.
    "_J9..CCCC", "_0.../9Zz", "_/...abcd", "_.../abcd", "_J9..CC", "_J9.!CCCC", "_J9..CC!C", "_....abcd",
    // MD5.
    "$1$", "$1$saltstri", "$1$saltstring", "$1$a$", "$1$ab:cd$rest", "$1$\n$", "$1$$", "$1$abcdefgh$",
    // SHA-256.
    "$5$saltstring", "$5$rounds=1000$roundstoolow", "$5$rounds=10$x", "$5$rounds=01500$salt",
    "$5$rounds=10000000$x", "$5$rounds=$x", "$5$rounds=12x$x", "$5$toolongsaltstringxyzabc",
    "$5$a:b", "$5$a\nb", "$5$", "$5$$", "$5$rounds=5000$usesrounds", "$5$rounds=+1000$x",
    // SHA-512.
    "$6$saltstring", "$6$rounds=1000$roundstoolow", "$6$rounds=2000$12345678", "$6$rounds=999$x",
    "$6$rounds=4294967297$x", "$6$toolongsaltstringxyzabc", "$6$:", "$6$",
    // bcrypt.
    "$2a$04$abcdefghijklmnopqrstuu", "$2b$04$abcdefghijklmnopqrstuu", "$2x$04$abcdefghijklmnopqrstuu",
    "$2y$04$abcdefghijklmnopqrstuu", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.", "$2a$04$abcdefghijklmnopqrstuv",
    "$2a$04$abcdefghijklmnopqrstu", "$2a$03$abcdefghijklmnopqrstuu", "$2a$20$abcdefghijklmnopqrstuu",
    "$2c$04$abcdefghijklmnopqrstuu", "$2a$4$abcdefghijklmnopqrstuuu", "$2a$04$abcdefghijklmnopqrst!u",
    "$2a$04$......................", "$2$04$abcdefghijklmnopqrstuu", "$2y$05$/OK.fbVrR/bpIqNJ5ianF.",
    // Other prefixes fall back to DES.
    "$3$abc", "$", "$$", "$7$abc",
};

int main(void) {
    struct crypt_data data;
    char out[128];
    for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
        for (size_t s = 0; s < sizeof settings / sizeof *settings; s++) {
            char label[64];
            snprintf(label, sizeof label, "k%zu s%zu", k, s);
            memset(&data, 0, sizeof data);
            show(label, crypt_r(keys[k], settings[s], &data));
        }
    }
    // crypt() shares one buffer.
    char *a = crypt("key", "$1$x$");
    char *b = crypt("key", "$5$x$");
    printf("crypt static buffer shared: %d\n", a == b);
    show("crypt", b);
    // Long keys: MD5 and SHA limits.
    static char longkey[40000];
    memset(longkey, 'k', sizeof longkey - 1);
    for (size_t len = 250; len < 260; len++) {
        longkey[len] = 0;
        show("sha256 long", crypt_r(longkey, "$5$long", &data));
        show("sha512 long", crypt_r(longkey, "$6$long", &data));
        longkey[len] = 'k';
    }
    longkey[30000] = 0;
    show("md5 30000", crypt_r(longkey, "$1$long", &data));
    longkey[30000] = 'k';
    longkey[30001] = 0;
    show("md5 30001", crypt_r(longkey, "$1$long", &data));
    longkey[30001] = 'k';
    longkey[200] = 0;
    show("des long", crypt_r(longkey, "_J9..long", &data));
    show("des long trad", crypt_r(longkey, "lo", &data));
    show("bcrypt long", crypt_r(longkey, "$2b$04$abcdefghijklmnopqrstuu", &data));

    // Published test vectors (Drepper's SHA-crypt specification).
    show("sha256 spec", crypt_r("Hello world!", "$5$saltstring", &data));
    show("sha256 spec rounds", crypt_r("Hello world!", "$5$rounds=10000$saltstringsaltstring", &data));
    show("sha256 spec 1400", crypt_r("we have a short salt string but not a short password", "$5$rounds=77777$short", &data));
    show("sha512 spec", crypt_r("Hello world!", "$6$saltstring", &data));
    show("sha512 spec rounds", crypt_r("Hello world!", "$6$rounds=10000$saltstringsaltstring", &data));
    show("sha512 spec 10", crypt_r("the minimum number is still observed", "$6$rounds=10$roundstoolow", &data));

    // The internal entry points.
    show("__crypt_r", __crypt_r("pw", "$6$r", &data));
    show("__crypt_des", __crypt_des("pw", "ab", out));
    show("__crypt_md5", __crypt_md5("pw", "$1$ab", out));
    show("__crypt_sha256", __crypt_sha256("pw", "$5$ab", out));
    show("__crypt_sha512", __crypt_sha512("pw", "$6$ab", out));
    show("__crypt_blowfish", __crypt_blowfish("pw", "$2b$04$abcdefghijklmnopqrstuu", out));

    // __des_setkey/__do_des: FIPS test vector and salted, repeated runs.
    const unsigned char key[8] = {0x13, 0x34, 0x57, 0x79, 0x9b, 0xbc, 0xdf, 0xf1};
    struct expanded_key ek;
    __des_setkey(key, &ek);
    uint32_t l, r;
    __do_des(0x01234567, 0x89abcdef, &l, &r, 1, 0, &ek);
    printf("des %08x%08x\n", l, r);
    __do_des(0x01234567, 0x89abcdef, &l, &r, 25, 0x00abc, &ek);
    printf("des salted %08x%08x\n", l, r);
    __do_des(0, 0, &l, &r, 0, 0, &ek);
    printf("des count 0 %08x%08x\n", l, r);
    uint32_t sum = 0;
    for (int i = 0; i < 16; i++) sum = sum * 33 + ek.l[i] * 7 + ek.r[i];
    printf("expanded key %08x %08x %08x sum %08x\n", ek.l[0], ek.r[0], ek.l[15], sum);

    // setkey/encrypt/decrypt on bit arrays.
    char kbits[64], block[64];
    for (int i = 0; i < 64; i++) kbits[i] = (key[i / 8] >> (7 - i % 8)) & 1;
    const unsigned char pt[8] = {0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef};
    for (int i = 0; i < 64; i++) block[i] = (pt[i / 8] >> (7 - i % 8)) & 1;
    setkey(kbits);
    encrypt(block, 0);
    printf("encrypt ");
    for (int i = 0; i < 64; i++) putchar('0' + block[i]);
    putchar('\n');
    encrypt(block, 1);
    printf("decrypt ");
    for (int i = 0; i < 64; i++) putchar('0' + block[i]);
    putchar('\n');
    return 0;
}
