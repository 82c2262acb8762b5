// The twin of taskqueue_thread_drain_bug.c: the detach drains the task
// before it frees the softc.
//! expect: verified
#define OK
#include "taskqueue_thread_drain_bug.c"
