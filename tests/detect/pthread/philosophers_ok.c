//! expect: verified
//! args: --strategy=dfs
/* philosophers_bug.c fixed: each philosopher takes the lower-numbered
 * of its two forks first, so no cycle of waits can form. */
#define PHILOSOPHERS_ORDERED 1
#include "philosophers_bug.c"
