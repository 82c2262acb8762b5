// The twin of local_lock_sleep_ok.c that takes a mutex, which may sleep,
// inside local_lock(): preemption is disabled there.
//! expect: bug misuse
//! args: --strategy=dfs
#define LOCAL_LOCK_BUG 1
#include "local_lock_sleep_ok.c"
