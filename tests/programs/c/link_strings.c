// Strings in data: merged duplicate literals, string tables, pointers into
// the middle of literals, wide and UTF-8 literals, a long literal.
#include <stdio.h>
#include <string.h>
#include <wchar.h>

static const char *const words[] = { "alpha", "beta", "gamma", "alpha", "delta" + 2 };
static const char long_text[] =
    "The quick brown fox jumps over the lazy dog. "
    "Pack my box with five dozen liquor jugs. "
    "How vexingly quick daft zebras jump!";
static const wchar_t wide[] = L"wide \u00e9t\u00e9";
static const char utf8[] = u8"caf\u00e9 \u2603";
char writable[] = "mutable literal copy";

int main(void) {
    for (unsigned i = 0; i < sizeof words / sizeof words[0]; i++)
        printf("%u: %s (%zu)\n", i, words[i], strlen(words[i]));
    printf("%zu %s\n", strlen(long_text), long_text + 45);
    printf("wide len %zu, utf8 bytes %zu\n", wcslen(wide), strlen(utf8));
    writable[0] = 'M';
    printf("%s\n", writable);
    printf("%s\n", strstr(long_text, "zebras"));
    return 0;
}
