/* iconv between UTF-8, Latin-1, ASCII, UTF-16 and UTF-32. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <iconv.h>

static void conv(const char *to, const char *from, const char *in, size_t inlen, size_t outsz) {
    iconv_t cd = iconv_open(to, from);
    printf("%s<-%s ", to, from);
    if (cd == (iconv_t)-1) { printf("open failed errno %d\n", errno); return; }
    char out[64]; char *ip = (char *)in, *op = out; size_t il = inlen, ol = outsz;
    errno = 0;
    size_t r = iconv(cd, &ip, &il, &op, &ol);
    printf("r=%d errno=%d consumed=%zu out:", (int)r, r == (size_t)-1 ? errno : 0, inlen - il);
    for (char *p = out; p < op; p++) printf(" %02x", (unsigned char)*p);
    printf("\n");
    iconv_close(cd);
}

int main(void) {
    const char *u = "h\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80!";
    conv("UTF-16LE", "UTF-8", u, strlen(u), 64);
    conv("UTF-16BE", "UTF-8", u, strlen(u), 64);
    conv("UTF-32LE", "UTF-8", u, strlen(u), 64);
    conv("ISO-8859-1", "UTF-8", u, strlen(u), 64);
    conv("ASCII", "UTF-8", u, strlen(u), 64);
    conv("UTF-8", "ISO-8859-1", "caf\xe9", 4, 64);
    conv("UTF-8", "UTF-8", "ab\xff", 3, 64);
    conv("UTF-8", "UTF-8", "ab\xe2\x82", 4, 64);
    conv("UTF-16LE", "UTF-8", u, strlen(u), 5);
    conv("UTF-8", "UTF-16LE", "a\0\xac\x20", 4, 64);
    conv("UTF-8", "UTF-16", "\xff\xfe" "a\0", 4, 64);
    conv("UTF-8", "UTF-16", "\xfe\xff\0a", 4, 64);
    conv("UTF-8", "UTF-16", "\0a", 2, 64);
    conv("utf8", "latin1", "x", 1, 64);
    conv("UTF-8", "NO-SUCH-CHARSET", "x", 1, 64);
    conv("WCHAR_T", "UTF-8", "A\xc3\xa9", 3, 64);
    return 0;
}
