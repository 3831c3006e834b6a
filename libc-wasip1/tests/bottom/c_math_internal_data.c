/* The data tables behind musl's exp/log/pow families and sqrt: prints the
 * size-checked FNV-1a hash of each table's bytes plus a few entries, so the
 * tables must equal wasi-libc's bit for bit. (Sizes are the C structs'.) */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

extern const unsigned char __exp_data[2160], __exp2f_data[328], __pow_log_data[4168], __logf_data[288],
    __log2f_data[288], __powf_log2_data[296], __rsqrt_tab[256];

static void dump(const char *name, const unsigned char *p, unsigned size) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (unsigned i = 0; i < size; i++) h = (h ^ p[i]) * 0x100000001b3ull;
  uint64_t first, last;
  memcpy(&first, p, 8);
  memcpy(&last, p + size - 8, 8);
  printf("%-16s %5u bytes fnv1a=%016llx first=%016llx last=%016llx\n", name, size, (unsigned long long)h,
         (unsigned long long)first, (unsigned long long)last);
}

int main(void) {
  dump("__exp_data", __exp_data, sizeof __exp_data);
  dump("__exp2f_data", __exp2f_data, sizeof __exp2f_data);
  dump("__pow_log_data", __pow_log_data, sizeof __pow_log_data);
  dump("__logf_data", __logf_data, sizeof __logf_data);
  dump("__log2f_data", __log2f_data, sizeof __log2f_data);
  dump("__powf_log2_data", __powf_log2_data, sizeof __powf_log2_data);
  dump("__rsqrt_tab", __rsqrt_tab, sizeof __rsqrt_tab);
  return 0;
}
