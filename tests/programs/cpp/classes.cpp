// C++ linking: static constructors/destructors across globals, inline
// functions and templates emitted in COMDATs, virtual calls (vtables in
// data, function pointers in the table), function-local statics.
#include <cstdio>

struct Logger {
    const char *name;
    explicit Logger(const char *n) : name(n) { std::printf("construct %s\n", name); }
    ~Logger() { std::printf("destruct %s\n", name); }
};

static Logger first("first");
Logger second("second");

struct Shape {
    virtual ~Shape() = default;
    virtual int area() const = 0;
    virtual const char *kind() const { return "shape"; }
};
struct Rect : Shape {
    int w, h;
    Rect(int w, int h) : w(w), h(h) {}
    int area() const override { return w * h; }
    const char *kind() const override { return "rect"; }
};
struct Square final : Rect {
    explicit Square(int s) : Rect(s, s) {}
    const char *kind() const override { return "square"; }
};

template <class T> inline T clamp_add(T a, T b, T hi) { return a + b > hi ? hi : a + b; }
template <int N> struct Fact { static constexpr long value = N * Fact<N - 1>::value; };
template <> struct Fact<0> { static constexpr long value = 1; };

inline int &shared_counter() {
    static int counter = 100; // one instance across the program (COMDAT)
    return counter;
}

int main() {
    Rect r(3, 4);
    Square s(5);
    const Shape *shapes[] = {&r, &s};
    for (const Shape *sh : shapes) std::printf("%s area %d\n", sh->kind(), sh->area());
    std::printf("clamp %d %.1f fact %ld\n", clamp_add(5, 9, 10), clamp_add(1.5, 2.0, 9.0), Fact<10>::value);
    shared_counter() += 5;
    std::printf("counter %d\n", shared_counter());
    return 0;
}
