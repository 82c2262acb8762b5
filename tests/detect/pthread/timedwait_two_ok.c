//! expect: verified
//! args: --strategy=dfs --iterations=3000000
/* The twin of timedwait_two_bug.c: main sets the flag before its
 * broadcast, so both waiters leave their loops (85,894 schedules with at
 * most one unfair spin continuation; before, inconclusive at the step
 * limit). */
#define SET_FLAG
#include "timedwait_two_bug.c"
