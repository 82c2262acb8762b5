/* A task's helpers in a header of their own: a lock made of SV-COMP
 * atomic functions, and the error function. */
extern void abort(void);
#include <assert.h>
void reach_error() { assert(0); }
void assume_abort_if_not(int cond) { if (!cond) abort(); }
volatile int m = 0;
void __VERIFIER_atomic_acquire(void) { assume_abort_if_not(m == 0); m = 1; }
void __VERIFIER_atomic_release(void) { assume_abort_if_not(m == 1); m = 0; }
#define lock() __VERIFIER_atomic_acquire()
#define unlock() __VERIFIER_atomic_release()
#define check(c) do { if (!(c)) { reach_error(); abort(); } } while (0)
