/* The native-kernels benchmark's kernels in C: the quality bar for generated code. */
__attribute__((noinline)) int count(int n) {
  int acc = 0;
  for (int i = 0; i < n; i++) acc += i;
  return acc;
}

/* static: the object file then holds the recursive calls resolved (no relocation). */
static __attribute__((noinline)) int fib_rec(int n) { return n < 2 ? n : fib_rec(n - 1) + fib_rec(n - 2); }
__attribute__((noinline)) int fib(int n) { return fib_rec(n); }

/* Bump allocation of a 16-byte {header, head, tail} object per iteration. */
__attribute__((noinline)) int alloc(int n, int *heap) {
  int *last = 0;
  for (int i = 0; i < n; i++) {
    int *p = heap;
    heap += 4;
    p[0] = 1 << 8;
    p[1] = i;
    p[2] = (int)last;
    last = p;
  }
  return (int)last;
}

/* Dot product of x[i] = i * 0.5 and y[i] = n - i, computed on the fly (no memory). */
__attribute__((noinline)) int dot(int n) {
  double acc = 0.0;
  for (int i = 0; i < n; i++) acc += ((double)i * 0.5) * (double)(n - i);
  return (int)(acc / (double)n);
}
