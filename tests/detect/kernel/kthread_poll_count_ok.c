// The twin of kthread_poll_count_bug.c: the thread is stopped before the
// device it counts in is freed.
//! expect: verified
#define OK
#include "kthread_poll_count_bug.c"
