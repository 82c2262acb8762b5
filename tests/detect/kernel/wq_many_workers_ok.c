//! expect: verified
//! args: --preemption-bound=0
/* wq_many_workers_bug.c on system_wq: all five works run at once.
 * Without preemptions: the works' orders are too many for a full search
 * in the runner's time, and no schedule needs one to use five workers. */
#define OK
#include "wq_many_workers_bug.c"
