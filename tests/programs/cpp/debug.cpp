// A C++ debug build (-g): DWARF for templates and inline functions.
// debug: yes
#include <cstdio>
#include <vector>

template <class T> T total(const std::vector<T> &v) {
    T s{};
    for (const T &x : v) s += x;
    return s;
}

int main() {
    std::vector<double> d{1.5, 2.25, 3.0};
    std::vector<int> i{1, 2, 3, 4};
    std::printf("%.2f %d\n", total(d), total(i));
    return 0;
}
