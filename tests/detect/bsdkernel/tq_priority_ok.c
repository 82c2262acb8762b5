//! expect: verified
/* The correct twin of tq_priority_bug.c: the task of higher priority,
 * queued last, runs first. */
#define OK
#include "tq_priority_bug.c"
