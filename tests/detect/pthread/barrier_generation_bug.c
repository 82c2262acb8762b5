//! expect: bug deadlock
//! args: --strategy=dfs
/* A hand-built reusable barrier (mutex, condition variable, count)
 * without a generation: a waiter sleeps while count != 0, the last
 * arrival resets count and broadcasts, and a fast thread already back
 * for the second round raises count before the slow waiter re-checks it:
 * the slow one sleeps on, and so does the fast one (deadlock).
 * barrier_generation_ok waits for the generation to change. */
#define BARRIER_GENERATION_BUG 1
#include "barrier_generation_ok.c"
