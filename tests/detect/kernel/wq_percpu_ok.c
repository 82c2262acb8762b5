//! expect(max_active_one): verified
//! expect(create_workqueue): verified
//! expect(set_max_active): verified
//! expect(raise_after_queueing): verified
/* wq_percpu_bug.c fixed: ordered queues run their works one at a time
 * whatever CPU queued them, and workqueue_set_max_active leaves an
 * ordered queue's limit alone. */
#define WEFT_WQ_PERCPU_FIXED 1
#include "wq_percpu_bug.c"
