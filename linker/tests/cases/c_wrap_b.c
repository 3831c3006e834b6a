int compute(int x) { return 2 * x; }
