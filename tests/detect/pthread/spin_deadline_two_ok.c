//! expect: verified
//! args: --strategy=dfs
/* spin_deadline_two_bug.c with a 200 ms deadline on each poll. */
#define SPIN_DEADLINE_TWO_OK
#include "spin_deadline_two_bug.c"
