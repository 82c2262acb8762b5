//! expect: bug assertion
//! args: --strategy=dfs
/* robust_notrecov_race_bug.c with the thread's lock a trylock: its
 * ENOTRECOVERABLE too was answered before any step on the mutex, so the
 * trylock was never ordered before main's lock (verified; glibc fails
 * it).  The correct twin is robust_trylock_notrecov_ok.c. */
#define TRY
#include "robust_notrecov_race_bug.c"
