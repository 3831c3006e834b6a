#include <stdio.h>
#include <stdlib.h>
extern char **environ; extern char **_environ;
int main(void) {
  printf("%s %s same=%d\n", environ[0], _environ[0], environ == _environ);
  setenv("Z", "1", 1); printf("after setenv: same=%d n1=%s\n", environ == _environ, environ[1]);
  static char *mine[] = {"A=b", 0}; environ = mine; printf("getenv A=%s\n", getenv("A"));
  clearenv(); printf("cleared: %p %p\n", (void*)environ, (void*)_environ);
  return 0;
}
