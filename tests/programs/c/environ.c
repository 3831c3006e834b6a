// environ iteration, setenv/unsetenv/putenv.
// env: B_VAR=two
// env: A_VAR=one
// env: EMPTY=
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

int main(void) {
    int n = 0;
    for (char **e = environ; *e; e++) printf("environ[%d] = %s\n", n++, *e);
    setenv("NEW", "value", 0);
    setenv("A_VAR", "not overwritten", 0);
    setenv("B_VAR", "overwritten", 1);
    unsetenv("EMPTY");
    static char put[] = "PUT=by putenv";
    putenv(put);
    const char *names[] = {"A_VAR", "B_VAR", "EMPTY", "NEW", "PUT"};
    for (int i = 0; i < 5; i++) {
        const char *v = getenv(names[i]);
        printf("%s = %s\n", names[i], v ? v : "(unset)");
    }
    return 0;
}
