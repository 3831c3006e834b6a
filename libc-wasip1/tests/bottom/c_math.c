/* Printed to 14 (double) / 7 (float) digits: the libm crate and musl 1.2.5
 * may differ in the last ulp for log, cbrt, lgamma, powf (see the report). */
/* <math.h> with values the compiler cannot fold (they depend on argc). */
#include <math.h>
#include <stdio.h>
#include <errno.h>

int main(int argc, char **argv) {
  (void)argv;
  volatile double b = argc * 0.75; /* 1.5 with one argument */
  double xs[] = {b, -b, b * 100, b / 1000, 0.0, -0.0};
  for (int i = 0; i < 6; i++) {
    double x = xs[i];
    printf("x=%.14g\n", x);
    printf(" sin %.14g cos %.14g tan %.14g asin %.14g acos %.14g atan %.14g\n", sin(x), cos(x), tan(x), asin(x / 200), acos(x / 200), atan(x));
    printf(" sinh %.14g cosh %.14g tanh %.14g asinh %.14g acosh %.14g atanh %.14g\n", sinh(x), cosh(x), tanh(x), asinh(x), acosh(fabs(x) + 1), atanh(x / 200));
    printf(" exp %.14g exp2 %.14g expm1 %.14g log %.14g log2 %.14g log10 %.14g log1p %.14g\n", exp(x), exp2(x), expm1(x), log(x), log2(x), log10(x), log1p(x));
    printf(" pow %.14g cbrt %.14g hypot %.14g fmod %.14g remainder %.14g atan2 %.14g\n", pow(x, 1.3), cbrt(x), hypot(x, 3), fmod(x, 0.7), remainder(x, 0.7), atan2(x, -2));
    printf(" erf %.14g erfc %.14g tgamma %.14g lgamma %.14g signgam %d\n", erf(x), erfc(x), tgamma(x), lgamma(x), signgam);
    printf(" floor %g ceil %g round %g trunc %g rint %g lround %ld llrint %lld\n", floor(x), ceil(x), round(x), trunc(x), rint(x), lround(x), llrint(x));
    int e; double m = frexp(x, &e); double ip; double fp = modf(x, &ip);
    printf(" frexp %.14g %d ldexp %.14g modf %.14g %.14g ilogb %d logb %g scalbn %g\n", m, e, ldexp(x, 3), fp, ip, ilogb(x), logb(x), scalbn(x, -2));
    printf(" j0 %.14g j1 %.14g y0 %.14g jn %.14g fma %.14g nextafter %.14g copysign %g\n", j0(x), j1(x), y0(fabs(x) + 1), jn(2, x), fma(x, x, 1), nextafter(x, 10), copysign(3, x));
    float f = (float)x;
    printf(" f: sinf %.7g powf %.7g expf %.7g logf %.7g sqrtf %.7g atan2f %.7g fmodf %.7g\n", sinf(f), powf(f, 1.3f), expf(f), logf(f), sqrtf(f), atan2f(f, 2), fmodf(f, 0.7f));
  }
  return 0;
}
