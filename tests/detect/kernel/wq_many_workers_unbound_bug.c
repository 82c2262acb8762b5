//! expect: bug deadlock
/* The bug twin of wq_many_workers_unbound_ok.c: the queue's limit is 4
 * (wq_many_workers_bug.c). */
#include "wq_many_workers_bug.c"
