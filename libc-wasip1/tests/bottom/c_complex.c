/* Complex functions on finite values that cannot be folded (they depend on
 * argc); printed to 12 digits (float versions to 5). */
#include <complex.h>
#include <stdio.h>

#define P(name, v) printf("%-6s %.12g %.12g\n", name, creal(v), cimag(v))
#define PF(name, v) printf("%-6s %.5g %.5g\n", name, crealf(v), cimagf(v))

int main(int argc, char **argv) {
  (void)argv;
  volatile double a = argc * 0.5; /* 1.0 */
  double complex zs[] = {a + 0.5 * I, -a + 2.0 * I, 0.3 * a - 0.7 * I, 2.5 * a};
  for (int i = 0; i < 4; i++) {
    double complex z = zs[i];
    P("z", z); P("cexp", cexp(z)); P("clog", clog(z)); P("csqrt", csqrt(z)); P("cpow", cpow(z, 1.5 + 0.5 * I));
    P("csin", csin(z)); P("ccos", ccos(z)); P("ctan", ctan(z)); P("csinh", csinh(z)); P("ccosh", ccosh(z)); P("ctanh", ctanh(z));
    P("casin", casin(z)); P("cacos", cacos(z)); P("catan", catan(z)); P("casinh", casinh(z)); P("cacosh", cacosh(z)); P("catanh", catanh(z));
    float complex f = (float complex)z;
    long double complex l = (long double complex)z;
    long double complex lr[] = {cexpl(l), clogl(l), csqrtl(l), casinl(l), cpowl(l, 2.0L), conjl(l), cprojl(l)};
    for (int k = 0; k < 7; k++) printf("L%d     %.12g %.12g\n", k, (double)creall(lr[k]), (double)cimagl(lr[k]));
    printf("cabsl  %.12g cargl %.12g\n", (double)cabsl(l), (double)cargl(l));
    PF("cexpf", cexpf(f)); PF("clogf", clogf(f)); PF("csqrtf", csqrtf(f)); PF("csinf", csinf(f)); PF("catanf", catanf(f)); PF("cpowf", cpowf(f, 2.0f));
  }
  return 0;
}
