/* long double math (binary128): ours computes in double precision, so
 * results are compared after conversion to double, to 15 digits. */
#include <math.h>
#include <stdio.h>

int main(int argc, char **argv) {
  (void)argv;
  volatile long double x = argc * 0.75L; /* 1.5 */
  long double vals[] = {sqrtl(x), sinl(x), cosl(x), expl(x), logl(x), powl(x, 2.5L), atan2l(x, 2), fabsl(-x), copysignl(x, -1), floorl(-x), ceill(x), roundl(x), truncl(-x), fmodl(x * 7, 2), hypotl(x, 2), cbrtl(x), tanhl(x), ldexpl(x, 4), scalbnl(x, -3), nextafterl(x, 2) > x, fmal(x, x, 1)};
  for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; i++) printf("%u: %.15g\n", i, (double)vals[i]);
  int e; long double m = frexpl(x * 10, &e); long double ip; long double fp = modfl(x, &ip);
  printf("frexpl %.15g %d modfl %.15g %.15g ilogbl %d lrintl %ld llroundl %lld\n", (double)m, e, (double)fp, (double)ip, ilogbl(x * 100), lrintl(x), llroundl(x));
  printf("conversions: %.17g %.17g %.17g %d %d\n", (double)(long double)0.1, (double)(1.0L / 3), (double)(x * 1e300L * 1e300L), isinf((double)(x * 1e300L * 1e300L)), (double)(x * 1e-300L * 1e-300L) == 0.0);
  return 0;
}
