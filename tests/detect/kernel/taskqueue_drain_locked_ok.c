// taskqueue_drain_locked_bug.c, draining after the sx lock is dropped.
//! expect: verified
#define TQ_DRAIN_FIXED 1
#include "taskqueue_drain_locked_bug.c"
