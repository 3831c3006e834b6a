int mul(int a, int b) { return a * b; }
const char *which(void) { return "strong"; }
