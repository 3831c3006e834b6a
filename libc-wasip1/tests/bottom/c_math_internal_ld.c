/* long double (binary128) functions that ours computes exactly in
 * binary128, compared with wasi-libc bit for bit: rounding to integers,
 * exponent functions, nextafterl, fmax/fmin/fdim, modfl, sqrtl, fmal, fmodl,
 * sinl/cosl/tanl/sincosl, asinl/acosl/atanl/atan2l, atanhl, hypotl, cbrtl, integer
 * conversions. (Functions still computed
 * through double are not listed; remquol/remainderl are exact here but
 * wasi-libc's differ by a musl bug, see math/ld_arith.rs.) Results are printed
 * as bits: the reference printf cannot format long double without
 * -lc-printscan-long-double. */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>
static void pl(const char *f, int i, long double v) {
  uint64_t b[2]; memcpy(b, &v, 16);
  printf("%s %d %016llx%016llx\n", f, i, (unsigned long long)b[1], (unsigned long long)b[0]);
}
static void pi(const char *f, int i, long long v) { printf("%s %d %lld\n", f, i, v); }
int main(void) {
  volatile long double third = 1.0L / 3;
  long double xs[] = {1.5L, 0.1L, third, 10.0L/7, 1e10L + 0.3L, 2.5e-5L, -7.25L, 1e300L * 1e100L, -1e-4000L, 0x1p-16440L,
      123456789.987654321L, -0.5L, 2.0L/3*1e20L, 3.0L, 0.75L, 1e-310L, 4951.123L, 0.0L, -0.0L, INFINITY, -INFINITY, NAN};
  int n = sizeof xs / sizeof xs[0];
  for (int i = 0; i < n; i++) {
    long double x = xs[i], y = xs[(i + 3) % n], z = xs[(i + 5) % n];
    pl("sqrtl", i, sqrtl(x)); pl("fmal", i, fmal(x, y, z)); pl("fmodl", i, fmodl(x, y));
    pl("ldexpl", i, ldexpl(x, 37)); pl("ldexpl2", i, ldexpl(x, -20000)); int e = 0; pl("frexpl", i, frexpl(x, &e)); pi("frexpl_e", i, e);
    long double ip = 0; pl("modfl", i, modfl(x, &ip)); pl("modfl_i", i, ip);
    pl("truncl", i, truncl(x)); pl("floorl", i, floorl(x)); pl("ceill", i, ceill(x)); pl("roundl", i, roundl(x)); pl("rintl", i, rintl(x)); pl("nearbyintl", i, nearbyintl(x));
    pl("scalbnl", i, scalbnl(x, 100)); pl("scalblnl", i, scalblnl(x, -100)); pl("nextafterl", i, nextafterl(x, y)); pl("nexttowardl", i, nexttowardl(x, y));
    pi("ilogbl", i, ilogbl(x)); pl("logbl", i, logbl(x)); pl("fmaxl", i, fmaxl(x, y)); pl("fminl", i, fminl(x, y)); pl("fdiml", i, fdiml(x, y));
    pl("fabsl", i, fabsl(x)); pl("copysignl", i, copysignl(x, y));
    pi("lrintl", i, lrintl(x)); pi("llrintl", i, llrintl(x)); pi("lroundl", i, lroundl(x)); pi("llroundl", i, llroundl(x));
    pl("sinl", i, sinl(x)); pl("cosl", i, cosl(x)); pl("tanl", i, tanl(x));
    pl("asinl", i, asinl(x / 8)); pl("acosl", i, acosl(x / 8)); pl("atanl", i, atanl(x)); pl("atan2l", i, atan2l(x, y));
    pl("hypotl", i, hypotl(x, y)); pl("cbrtl", i, cbrtl(x)); pl("atanhl", i, atanhl(x / 8)); pl("atanhl2", i, atanhl(x * 1e-4000L));
    long double s = 0, c = 0; sincosl(x, &s, &c); pl("sincosl_s", i, s); pl("sincosl_c", i, c);
  }
  /* fmal: cancellation, tiny addends, subnormal and overflowing results */
  const long double f[][3] = {
    {1.0L + 0x1p-112L, 1.0L - 0x1p-112L, -1.0L}, {0x1p-8000L, 0x1p-8000L, 1.0L}, {0x1p-8000L, 0x1p-8490L, 0x1p-16494L},
    {0x1p-8000L, -0x1p-8490L, 0x1p-16493L}, {0x1p8000L, 0x1p8000L, -1.0L}, {-3.0L, third, 1.0L}, {third, third, -third * third},
    {1e-4000L, 1e-600L, -0.0L}, {5.0L, 0.0L, -0.0L}, {INFINITY, 0.0L, 1.0L}, {2.0L, 3.0L, -6.0L}, {0.1L, 10.0L, -1.0L},
  };
  for (unsigned i = 0; i < sizeof f / sizeof f[0]; i++) pl("fmal_edge", i, fmal(f[i][0], f[i][1], f[i][2]));
  static const long double sq[] = {2.0L, 4.0L, 0x1p-16494L, 0x1.8p-16480L, 1.0L + 0x1p-112L, -1.0L, 0x1.fffffffffffffffffffffffffffp16383L};
  for (unsigned i = 0; i < sizeof sq / sizeof sq[0]; i++) pl("sqrtl_edge", i, sqrtl(sq[i]));
  /* inverse trig over [-1, 1] and wide ranges */
  for (int i = -40; i <= 40; i++) {
    long double u = i / 40.0L + third * 1e-3L, w = i * 0.37L * third;
    pl("asinl_r", i, asinl(u)); pl("acosl_r", i, acosl(u)); pl("atanl_r", i, atanl(w)); pl("atanl_big", i, atanl(w * 1e30L));
    pl("atan2l_r", i, atan2l(w, u)); pl("hypotl_r", i, hypotl(w, u * 1e-5L)); pl("cbrtl_r", i, cbrtl(w * 1e100L));
    pl("cbrtl_s", i, cbrtl(u * 0x1p-16400L));
  }
  return 0;
}
