#include <stdio.h>
#include <errno.h>
extern char *__progname, *__progname_full;
int main(int argc, char **argv) {
  printf("[%s] [%s] [%s] [%s]\n", __progname ? __progname : "(null)", __progname_full ? __progname_full : "(null)", program_invocation_name ? program_invocation_name : "(null)", program_invocation_short_name ? program_invocation_short_name : "(null)");
  return 0;
}
