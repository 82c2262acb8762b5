//! expect: pass
//! args: --preemption-bound=0 --iterations=20000
/* wq_many_workers_bug.c on an unbound queue of the default limit
 * (alloc_workqueue(name, WQ_UNBOUND, 0), 256): all five run at once.
 * Its bug twin is wq_many_workers_unbound_bug.c.
 * Without preemptions: the works' orders are too many for a full search
 * in the runner's time, and no schedule needs one to use five workers.
 * Since a worker's start counts as its spawner's step (the spawner goes
 * on for free), bound 0 holds more than 10 million schedules here, so
 * the check is 20,000 of them without the deadlock the bug twin has. */
#define OK
#define UNBOUND0
#include "wq_many_workers_bug.c"
