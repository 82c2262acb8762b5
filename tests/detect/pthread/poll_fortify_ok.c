//! expect: verified
//! args: --strategy=dfs
/* poll_fortify_bug.c's worker, which reads only after poll said there is
 * data: both the data arriving first and the timeout are explored. */
#define CHECKED
#include "poll_fortify_bug.c"
