//! expect: verified
//! args: --preemption-bound=0
/* wq_many_workers_inflight_bug.c on a queue of max_active 4: at most
 * four works run, the fifth waits for one to return.
 * Without preemptions: the works' orders are too many for a full search
 * in the runner's time, and no schedule needs one to use five workers. */
#define OK
#include "wq_many_workers_inflight_bug.c"
