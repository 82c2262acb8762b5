//! expect: verified
//! args: --preemption-bound=0
/* wq_many_workers_percpu_bug.c with each work on a CPU of its own.
 * Without preemptions: the works' orders are too many for a full search
 * in the runner's time, and no schedule needs one to use five workers. */
#define OK
#include "wq_many_workers_percpu_bug.c"
