#include <fenv.h>
#include <stdio.h>
int main(void) {
  fenv_t e; fexcept_t f;
  printf("%d %d %d %d %d %d\n", fegetround(), fesetround(FE_TONEAREST), fesetround(1), fetestexcept(FE_ALL_EXCEPT), feholdexcept(&e), feupdateenv(&e));
  printf("%d %d %d %d\n", fegetexceptflag(&f, FE_ALL_EXCEPT), fesetexceptflag(&f, FE_ALL_EXCEPT), feclearexcept(FE_ALL_EXCEPT), feraiseexcept(FE_ALL_EXCEPT));
  return 0;
}
