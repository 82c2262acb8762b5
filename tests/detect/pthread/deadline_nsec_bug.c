//! expect: bug crash
//! args: --strategy=dfs
/* deadline_nsec_ok.c with the deadline's nanoseconds left above a second:
 * EINVAL, and the waiter aborts. */
#define UNNORMALISED
#include "deadline_nsec_ok.c"
