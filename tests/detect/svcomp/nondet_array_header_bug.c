//! expect: bug assertion
//! args: --races=off
/* SV-COMP pthread-nondet/nondet-array-1 with its helper in a header
 * (error function with a printf body): every n in 5..10 gives sum <= n
 * != 9 for n < 9, so the error is reached in nearly every execution. */
#include <pthread.h>
#include "header_nondet_assert.h"

#define SIZE 10
int a[SIZE] = {0};
int x = 0;

void *thr(void* arg) {
  int t = x;
  (void)arg;
  a[t] = 1;
  x = t + 1;
  return 0;
}

int main(void) {
  pthread_t t[SIZE];
  int i;
  int n = __VERIFIER_nondet_uint();
  if(!(n >= SIZE/2 && n <= SIZE)) {abort();}

  for (i = 0; i < n; i++) {
    pthread_create(&t[i], 0, thr, 0);
  }
  for (i = 0; i < n; i++) {
    pthread_join(t[i], NULL);
  }
  int sum = 0;
  for (i = 0; i < n; i++) {
    sum += a[i];
  }
#ifdef OK
  assert(sum <= n);
#else
  assert(sum == SIZE - 1);
#endif
  return 0;
}
