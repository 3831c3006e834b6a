// libc++ from Debian (wasm32, -fno-exceptions): containers, strings,
// algorithms, and iostream-free formatting through snprintf.
#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <numeric>
#include <string>
#include <vector>

int main() {
    std::vector<int> v(20);
    std::iota(v.begin(), v.end(), 1);
    std::reverse(v.begin(), v.end());
    std::sort(v.begin(), v.begin() + 10);
    long sum = std::accumulate(v.begin(), v.end(), 0L);
    std::map<std::string, int> count;
    const char *words[] = {"pear", "apple", "pear", "fig", "apple", "pear"};
    for (const char *w : words) count[w]++;
    std::string joined;
    for (const auto &[word, n] : count) joined += word + "=" + std::to_string(n) + ";";
    auto p = std::make_unique<std::vector<std::string>>(3, "xy");
    std::printf("sum %ld first %d last %d\n%s\n%zu %s\n", sum, v.front(), v.back(), joined.c_str(), p->size(),
                (*p)[2].c_str());
    return 0;
}
