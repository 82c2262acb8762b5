//! expect: verified
/* The correct twin of tq_drain_requeue_bug.c: the task enqueues itself
 * once while it runs, and taskqueue_drain() waits for that run too. */
#define OK
#include "tq_drain_requeue_bug.c"
