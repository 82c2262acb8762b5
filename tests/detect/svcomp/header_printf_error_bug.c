//! expect: bug assertion
//! args: --strategy=dfs
/* The error function (printf body) and the assert macro come from a
 * header; t sets x = 1 and main asserts x == 0 after the join: the error is
 * reached in every execution, yet every one is pruned by the abort() that
 * follows it (inconclusive all-pruned).  The twin asserts x == 1. */
#include <pthread.h>
#include "header_nondet_assert.h"
int x;
void *thr(void *a) { (void)a; x = 1; return 0; }
int main(void) {
  pthread_t t;
  pthread_create(&t, 0, thr, 0);
  pthread_join(t, 0);
#ifdef OK
  assert(x == 1);
#else
  assert(x == 0);
#endif
  return 0;
}
