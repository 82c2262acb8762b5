//! expect: bug assertion
//! args: --races=off --iterations=20000 --time-limit=290
//! timeout: 300
/* Dekker with the second entry check swapped (a probe of SCTBench-style
 * programs): the bug needs 2 preemptions in 16 steps, inside nested spin
 * loops whose long executions keep PCT away from them.  The default
 * strategy passed its whole budget; its bounded phase now goes on to 2
 * preemptions once every schedule within 1 ran clean.  The correct twin
 * is a pass: its spin loops never let the bounded search end. */
/* As SV-COMP builds it, without optimization (the runner builds at -O1,
 * which keeps the spin loops' plain reads in registers). */
#ifdef __clang__
#pragma clang optimize off
#else
#pragma GCC optimize("O0")
#endif
#include <pthread.h>
extern void abort(void);
void reach_error(void) {}
/* thr2 tests flag1 before raising flag2 (Dekker's entry, order swapped):
 * thr2 reads flag1 == 0, thr1 then enters, thr2 enters too.  Two
 * preemptions, 16 steps; the waiting loops are never taken on that path. */
int flag1, flag2, turn, x;
void *thr1(void *_) {
  (void)_;
  flag1 = 1;
  while (flag2) {
    if (turn != 0) { flag1 = 0; while (turn != 0) {} flag1 = 1; }
  }
  x = 0;
  if (!(x <= 0)) reach_error();
  turn = 1; flag1 = 0;
  return 0;
}
void *thr2(void *_) {
  (void)_;
#ifdef OK
  flag2 = 1;
#endif
  while (flag1) {
    if (turn != 1) { flag2 = 0; while (turn != 1) {} flag2 = 1; }
  }
#ifndef OK
  flag2 = 1;
#endif
  x = 1;
  if (!(x >= 1)) reach_error();
  turn = 0; flag2 = 0;
  return 0;
}
int main(void) {
  pthread_t t1, t2;
  pthread_create(&t1, 0, thr1, 0); pthread_create(&t2, 0, thr2, 0);
  pthread_join(t1, 0); pthread_join(t2, 0);
  return 0;
}
