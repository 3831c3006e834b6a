/* scalb, nexttoward, the simple complex functions, confstr. */
#include <complex.h>
#include <math.h>
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
double scalb(double, double); float scalbf(float, float);

int main(int argc, char **argv) {
  (void)argv;
  volatile double a = argc * 1.5; /* 3.0 */
  printf("scalb %g %g %g %g\n", scalb(a, 3), scalb(a, -2), scalb(a, 0.5), scalbf((float)a, 70000));
  printf("nexttoward %.17g %.17g %.17g %.9g\n", nexttoward(a, 4.0L), nexttoward(a, 1.0L), nexttoward(0.0, -1.0L), nexttowardf((float)a, 3.0000001L));
  double complex z = a + 4.0 * I;
  float complex zf = (float)a - 2.0f * I;
  printf("complex %g %g %g %g %g | %g %g %g\n", creal(z), cimag(z), cabs(z), carg(z), cimag(conj(z)), crealf(zf), cabsf(zf), cargf(zf));
  double complex p = cproj(INFINITY + a * I);
  printf("cproj %g %g\n", creal(p), cimag(p));
  char buf[8];
  printf("confstr %zu [%s] %zu\n", confstr(_CS_PATH, buf, sizeof buf), buf, confstr(0, 0, 0));
  errno = 0; printf("confstr bad %zu errno=%d\n", confstr(12345, buf, sizeof buf), errno);
  return 0;
}
