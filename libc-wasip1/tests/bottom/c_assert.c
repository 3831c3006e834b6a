/* A failing assert: message on stderr, stdout's buffered text, the trap. */
#include <assert.h>
#include <stdio.h>
int main(int argc, char **argv) {
  (void)argv;
  printf("before\n");
  assert(argc == 1);
  assert(argc == 42 && "argc must be 42");
  printf("not reached\n");
  return 0;
}
