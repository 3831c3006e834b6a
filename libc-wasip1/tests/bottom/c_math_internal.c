/* musl's internal math symbols (not in public headers): trig kernels,
 * argument reduction, error helpers, long double kernels. Results are
 * printed as bit patterns so the comparison with wasi-libc is bit for bit. */
#include <complex.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

double __cos(double, double);
double __sin(double, double, int);
double __tan(double, double, int);
float __cosdf(double);
float __sindf(double);
float __tandf(double, int);
int __rem_pio2(double, double *);
int __rem_pio2f(float, double *);
int __rem_pio2_large(double *, double *, int, int, int);
double __expo2(double);
float __expo2f(float);
double complex __ldexp_cexp(double complex, int);
float complex __ldexp_cexpf(float complex, int);
float __lgammaf_r(float, int *);
long double __lgammal_r(long double, int *);
extern int __signgam;
double __math_divzero(uint32_t);
float __math_divzerof(uint32_t);
double __math_invalid(double);
float __math_invalidf(float);
long double __math_invalidl(long double);
double __math_oflow(uint32_t);
float __math_oflowf(uint32_t);
double __math_uflow(uint32_t);
float __math_uflowf(uint32_t);
double __math_xflow(uint32_t, double);
float __math_xflowf(uint32_t, float);
long double __cosl(long double, long double);
long double __sinl(long double, long double, int);
long double __tanl(long double, long double, int);
int __rem_pio2l(long double, long double *);
long double __invtrigl_R(long double);
extern const long double __pio2_hi, __pio2_lo;
long double __polevll(long double, const long double *, int);
long double __p1evll(long double, const long double *, int);

static void pd(const char *tag, double v) {
  uint64_t b;
  memcpy(&b, &v, 8);
  printf("%s %016llx %a\n", tag, (unsigned long long)b, v);
}

static void pf(const char *tag, float v) {
  uint32_t b;
  memcpy(&b, &v, 4);
  printf("%s %08x %a\n", tag, b, (double)v);
}

static void pl(const char *tag, long double v) {
  uint64_t b[2];
  memcpy(b, &v, 16);
  /* (no %La: the reference printf needs -lc-printscan-long-double for it) */
  printf("%s %016llx%016llx\n", tag, (unsigned long long)b[1], (unsigned long long)b[0]);
}

static const double xs[] = {
  0.0, -0.0, 1e-300, 0x1p-1074, 1e-9, -1e-5, 0.1, -0.25, 0.5, 0.6, 0.6744, -0.6745, 0.7, 0.78539816339744828,
  -0.78539816339744828,
};

static const double big[] = {
  0.0, -0.0, 1.0, -1.0, 1.5707963267948966, 2.0, -2.356194490192345, 3.141592653589793, 3.9, -4.712388980384690,
  5.0, 6.283185307179586, -7.0, 7.0685834705770345, 10.0, 100.0, -1000.5, 1e6, 1647099.0, 1e9, 1e15, -1e22,
  1e100, 0x1p1023, -1.7976931348623157e308, 6381956970095103.0 * 0x1p797, INFINITY, -INFINITY, NAN,
};

static const float fbig[] = {
  0.0f, -0.0f, 0.5f, 1.0f, -1.5707964f, 3.0f, 7.5f, -100.0f, 1e5f, 1e8f, 2e8f, -4.2e8f, 1e20f, 3.4e38f,
  -3.4e38f, INFINITY, NAN,
};

static const long double lbig[] = {
  0.0L, -0.0L, 0.3L, 1.0L, -1.5707963267948966192313216916397514L, 2.5L, 3.14159265358979323846264338327950288L,
  -10.0L, 1e6L, 1e13L, 5e13L, 1e14L, -1e15L, 1e20L, 1e30L, 1e100L, -1e300L, 1e1000L, 1e4000L, 1.1e4932L,
  0x1p-16000L, INFINITY, NAN,
};

static void kernels(void) {
  char tag[64];
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; i++) {
    double x = xs[i], y = x * 0x1p-55;
    snprintf(tag, sizeof tag, "__cos[%u]", i); pd(tag, __cos(x, y));
    snprintf(tag, sizeof tag, "__sin0[%u]", i); pd(tag, __sin(x, 0, 0));
    snprintf(tag, sizeof tag, "__sin1[%u]", i); pd(tag, __sin(x, y, 1));
    snprintf(tag, sizeof tag, "__tan0[%u]", i); pd(tag, __tan(x, y, 0));
    snprintf(tag, sizeof tag, "__tan1[%u]", i); pd(tag, __tan(x, y, 1));
    snprintf(tag, sizeof tag, "__cosdf[%u]", i); pf(tag, __cosdf(x));
    snprintf(tag, sizeof tag, "__sindf[%u]", i); pf(tag, __sindf(x));
    snprintf(tag, sizeof tag, "__tandf0[%u]", i); pf(tag, __tandf(x, 0));
    snprintf(tag, sizeof tag, "__tandf1[%u]", i); pf(tag, __tandf(x, 1));
    long double lx = (long double)x + (long double)x * 0x1p-70L, ly = lx * 0x1p-115L;
    snprintf(tag, sizeof tag, "__cosl[%u]", i); pl(tag, __cosl(lx, ly));
    snprintf(tag, sizeof tag, "__sinl0[%u]", i); pl(tag, __sinl(lx, 0, 0));
    snprintf(tag, sizeof tag, "__sinl1[%u]", i); pl(tag, __sinl(lx, ly, 1));
    snprintf(tag, sizeof tag, "__tanl0[%u]", i); pl(tag, __tanl(lx, ly, 0));
    snprintf(tag, sizeof tag, "__tanl1[%u]", i); pl(tag, __tanl(lx, ly, 1));
    snprintf(tag, sizeof tag, "__invtrigl_R[%u]", i); pl(tag, __invtrigl_R(lx * lx / 2));
  }
}

static void reductions(void) {
  char tag[64];
  for (unsigned i = 0; i < sizeof big / sizeof big[0]; i++) {
    double y[2] = {0, 0};
    int n = __rem_pio2(big[i], y);
    snprintf(tag, sizeof tag, "__rem_pio2[%u] n=%d", i, n); pd(tag, y[0]); pd(tag, y[1]);
  }
  for (unsigned i = 0; i < sizeof fbig / sizeof fbig[0]; i++) {
    double y = 0;
    int n = __rem_pio2f(fbig[i], &y);
    snprintf(tag, sizeof tag, "__rem_pio2f[%u] n=%d", i, n); pd(tag, y);
  }
  for (unsigned i = 0; i < sizeof lbig / sizeof lbig[0]; i++) {
    long double y[2] = {0, 0};
    int n = __rem_pio2l(lbig[i], y);
    snprintf(tag, sizeof tag, "__rem_pio2l[%u] n=%d", i, n); pl(tag, y[0]); pl(tag, y[1]);
  }
  static const int e0s[] = {0, 1, 2, 25, 100, 501, 1000, 1023, 5000, 16000};
  for (unsigned i = 0; i < sizeof e0s / sizeof e0s[0]; i++) {
    for (int prec = 0; prec < 4; prec++) {
      for (int nx = 1; nx <= 3; nx++) {
        double x[3] = {12345678.0, 0x123456, 0xfedcba}, y[3] = {0, 0, 0};
        int n = __rem_pio2_large(x, y, e0s[i], nx, prec);
        snprintf(tag, sizeof tag, "__rem_pio2_large e0=%d prec=%d nx=%d n=%d", e0s[i], prec, nx, n);
        pd(tag, y[0]); pd(tag, y[1]); pd(tag, y[2]);
      }
    }
  }
}

static void exps(void) {
  static const double ex[] = {709.0, 709.8, 710.0, 712.5, 1000.0, 1454.0};
  char tag[64];
  for (unsigned i = 0; i < sizeof ex / sizeof ex[0]; i++) {
    snprintf(tag, sizeof tag, "__expo2(%g)", ex[i]); pd(tag, __expo2(ex[i]));
    snprintf(tag, sizeof tag, "__expo2f(%g)", ex[i] / 8); pf(tag, __expo2f((float)(ex[i] / 8)));
    for (int e = -2; e <= 1; e++) {
      double complex z = CMPLX(ex[i], 0.5 * i - 1.0);
      double complex r = __ldexp_cexp(z, e);
      snprintf(tag, sizeof tag, "__ldexp_cexp(%g,%d)", ex[i], e); pd(tag, creal(r)); pd(tag, cimag(r));
      float complex zf = CMPLXF((float)(ex[i] / 7), 0.5f * i - 1.0f);
      float complex rf = __ldexp_cexpf(zf, e);
      snprintf(tag, sizeof tag, "__ldexp_cexpf(%g,%d)", ex[i] / 7, e); pf(tag, crealf(rf)); pf(tag, cimagf(rf));
    }
  }
}

static void misc(void) {
  static const float gx[] = {-2.5f, -0.5f, 0.0f, 0.5f, 1.0f, 3.0f, 10.5f, 1e10f, -INFINITY, NAN};
  char tag[64];
  for (unsigned i = 0; i < sizeof gx / sizeof gx[0]; i++) {
    int s = 7;
    float r = __lgammaf_r(gx[i], &s);
    snprintf(tag, sizeof tag, "__lgammaf_r[%u] s=%d", i, s); pf(tag, r);
    s = 7;
    long double rl = __lgammal_r((long double)gx[i] / 3, &s);
    snprintf(tag, sizeof tag, "__lgammal_r[%u] s=%d", i, s); pl(tag, rl);
  }
  printf("signgam: %d\n", __signgam);
  lgamma(-0.5);
  printf("signgam after lgamma(-0.5): %d %d\n", __signgam, signgam);
  lgammaf(3.5f);
  printf("signgam after lgammaf(3.5): %d %d\n", __signgam, signgam);
  for (uint32_t s = 0; s < 2; s++) {
    pd("__math_divzero", __math_divzero(s));
    pf("__math_divzerof", __math_divzerof(s));
    pd("__math_oflow", __math_oflow(s));
    pf("__math_oflowf", __math_oflowf(s));
    pd("__math_uflow", __math_uflow(s));
    pf("__math_uflowf", __math_uflowf(s));
    pd("__math_xflow", __math_xflow(s, 3.0));
    pf("__math_xflowf", __math_xflowf(s, 3.0f));
  }
  static const double inv[] = {0.0, -1.0, INFINITY, -INFINITY, NAN};
  for (unsigned i = 0; i < sizeof inv / sizeof inv[0]; i++) {
    pd("__math_invalid", __math_invalid(inv[i]));
    pf("__math_invalidf", __math_invalidf((float)inv[i]));
    pl("__math_invalidl", __math_invalidl((long double)inv[i]));
  }
  pl("__pio2_hi", __pio2_hi);
  pl("__pio2_lo", __pio2_lo);
  static const long double P[] = {1.5L, -2.25L, 0.1L, 3.0L, -7.0L, 1e-20L};
  static const long double pv[] = {0.0L, 1.0L, -0.5L, 3.3L, 1e10L};
  for (unsigned i = 0; i < sizeof pv / sizeof pv[0]; i++) {
    for (int n = 1; n <= 5; n++) {
      snprintf(tag, sizeof tag, "__polevll(%u,%d)", i, n); pl(tag, __polevll(pv[i], P, n));
      if (n >= 2) {
        snprintf(tag, sizeof tag, "__p1evll(%u,%d)", i, n); pl(tag, __p1evll(pv[i], P, n));
      }
    }
  }
}

int main(void) {
  kernels();
  reductions();
  exps();
  misc();
  return 0;
}
