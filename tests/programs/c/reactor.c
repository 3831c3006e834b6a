// A reactor module (crt1-reactor.o): _initialize runs constructors, then the
// host calls the exported `run`, whose result is compared as exit status.
// reactor: run
// env: WHO=reactor
#include <stdio.h>
#include <stdlib.h>

static int initialised;

__attribute__((constructor)) static void init(void) { initialised = 42; }

__attribute__((export_name("run"))) int run(void) {
    const char *who = getenv("WHO");
    printf("hello from the %s, constructor ran: %d\n", who ? who : "(null)", initialised == 42);
    fflush(stdout);
    char *p = malloc(64);
    snprintf(p, 64, "heap works in a reactor too");
    puts(p);
    free(p);
    fflush(stdout);
    return 7;
}
