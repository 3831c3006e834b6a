// link: c
// expect-stdout: tables ok 4950 hello world 3.500000 tls? no
#include <stdio.h>
#include <string.h>
struct entry { const char *name; int (*f)(int); int v; };
static int twice(int x) { return 2 * x; }
static int neg(int x) { return -x; }
struct entry table[] = {{"twice", twice, 1}, {"neg", neg, 2}, {0, 0, 0}};
static const char *const words[] = {"hello", "world"};
double d = 3.5;
long long big[100];
int main(void) {
    int ok = table[0].f(3) == 6 && table[1].f(3) == -3 && !strcmp(table[1].name, "neg");
    for (int i = 0; i < 100; i++) big[i] = i;
    long long s = 0;
    for (int i = 0; i < 100; i++) s += big[i];
    printf("tables %s %lld %s %s %f tls? no\n", ok ? "ok" : "bad", s, words[0], words[1], d);
    return 0;
}
