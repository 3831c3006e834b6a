// link: c
// with: cpp_comdat_b.cpp
// cflags: -x c++ -O0 -fno-exceptions
// expect-stdout: 2 3 42 42
inline int counter() { static int n = 0; return ++n; }
template <typename T> T twice(T x) { return x + x; }
struct G { G() { extern int gstate; gstate = 42; } };
int gstate;
static G g;
int from_b();
extern "C" int printf(const char *, ...);
int main() { counter(); printf("%d %d %d %d\n", counter(), from_b(), twice(21), gstate); return 0; }
