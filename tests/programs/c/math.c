// libm: a few functions, printed with fixed precision.
#include <math.h>
#include <stdio.h>

int main(void) {
    printf("sqrt(2) = %.9f\n", sqrt(2.0));
    printf("sin(1) = %.9f, cos(1) = %.9f\n", sin(1.0), cos(1.0));
    printf("exp(1) = %.9f, log(10) = %.9f\n", exp(1.0), log(10.0));
    printf("pow(2, 0.5) = %.9f, atan2(1, 2) = %.9f\n", pow(2.0, 0.5), atan2(1.0, 2.0));
    printf("floor(-2.5) = %.1f, ceil(-2.5) = %.1f, round(2.5) = %.1f, fmod(7, 3) = %.1f\n",
           floor(-2.5), ceil(-2.5), round(2.5), fmod(7.0, 3.0));
    printf("sqrtf(3) = %.6f, fabsf(-1.5) = %.2f\n", sqrtf(3.0f), fabsf(-1.5f));
    printf("inf = %f, nan is nan: %d, huge %g, tiny %g\n", INFINITY, isnan(NAN), 1e300 * 10, 1e-300 / 3);
    printf("%%e: %e, %%g: %g %g, %%a-free hex: %x\n", 123456.789, 0.0001, 1e20, 0xBEEF);
    return 0;
}
