//! expect: verified
//! args: --strategy=dfs --preemption-bound=unbounded
/* The correct twin of turn_bug.c: the last increment takes the lock too. */
#define TURN_OK
#include "turn_bug.c"
