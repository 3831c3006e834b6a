/* _exit: no atexit handlers, no stdio flush (wasi-libc's stdout is
 * line buffered: a line without newline is lost), status kept. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
static void handler(void) { printf("atexit handler ran\n"); fflush(stdout); }
int main(void) {
  atexit(handler);
  printf("line\n");
  printf("no newline: still buffered, lost");
  fprintf(stderr, "stderr is unbuffered\n");
  _exit(5);
}
