// Weak symbols: a weak definition that nothing overrides is used; a weak
// undefined function and a weak undefined variable have address 0.
#include <stdio.h>

__attribute__((weak)) int weak_value = 17;
__attribute__((weak)) const char *weak_greeting(void) { return "weak default greeting"; }

extern void missing_function(void) __attribute__((weak));
extern int missing_variable __attribute__((weak));

/* A weak alias to a strong function. */
static int real_impl(int x) { return x * 3; }
extern int aliased(int) __attribute__((weak, alias("real_impl")));

int main(void) {
    printf("weak_value = %d\n", weak_value);
    printf("%s\n", weak_greeting());
    printf("missing_function is %s\n", missing_function ? "defined" : "null");
    printf("missing_variable is %s\n", &missing_variable ? "defined" : "null");
    if (missing_function) missing_function();
    printf("aliased(14) = %d\n", aliased(14));
    return 0;
}
