//! expect: verified
//! args: --strategy=dfs
/* lone_poll_then_bug.c with the semaphore posted whatever the input: the
 * wait after the counted poll never times out. */
#define LONE_POLL_THEN_OK
#include "lone_poll_then_bug.c"
