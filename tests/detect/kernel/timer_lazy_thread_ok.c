//! expect: verified
//! args: --strategy=dfs
/* timer_lazy_thread_bug.c with the speed stored under the lock. */
#define FIXED
#include "timer_lazy_thread_bug.c"
