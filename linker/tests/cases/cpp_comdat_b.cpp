inline int counter() { static int n = 0; return ++n; }
template <typename T> T twice(T x) { return x + x; }
int from_b() { return counter() + twice(0); }
