// link: c
// expect-stdout: 3 entries: 10 20 30
#include <stdio.h>
#define ENTRY(v) static const int __attribute__((used, section("myentries"))) e##v = v;
ENTRY(10)
ENTRY(20)
ENTRY(30)
extern const int __start_myentries[], __stop_myentries[];
int main(void) {
    printf("%d entries:", (int)(__stop_myentries - __start_myentries));
    for (const int *p = __start_myentries; p < __stop_myentries; p++) printf(" %d", *p);
    printf("\n");
    return 0;
}
