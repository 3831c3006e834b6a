// link: c
// expect-stdout: maybe is absent, weak data at 0: yes
#include <stdio.h>
__attribute__((weak)) void maybe(void);
extern int weak_data __attribute__((weak));
int main(void) {
    if (maybe) maybe();
    printf("maybe is %s, weak data at 0: %s\n", maybe ? "present" : "absent", &weak_data == 0 ? "yes" : "no");
    return 0;
}
