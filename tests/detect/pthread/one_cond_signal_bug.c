//! expect: bug deadlock
//! args: --strategy=dfs
/* A bounded buffer of one slot whose producers and consumers share one
 * condition variable and wake with pthread_cond_signal: a consumer's
 * signal meant for the waiting producer may wake the other consumer,
 * which sleeps again, and every thread waits.  one_cond_signal_ok
 * broadcasts. */
#define ONE_COND_SIGNAL_BUG 1
#include "one_cond_signal_ok.c"
