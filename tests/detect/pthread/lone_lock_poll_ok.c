//! expect: verified
//! args: --strategy=dfs
/* The twin of lone_lock_poll_bug.c: the main thread sets the flag under
 * the mutex.  While it can run it could take the mutex between the
 * worker's unlock and lock, so the worker's rounds are progress, not a
 * spin, in every interleaving. */
#define OK 1
#include "lone_lock_poll_bug.c"
