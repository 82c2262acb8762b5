// The twin of wq_wait_behind_bug.c that queues the waking work on the
// system workqueue, not behind the waiting work on the ordered one.
//! expect: verified
//! args: --strategy=dfs
#define OK
#include "wq_wait_behind_bug.c"
