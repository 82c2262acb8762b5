/* wq_rescuer_flush_bug.c on a queue without a rescuer: its works run on
 * as many workers as they need, so the flushed work never waits behind
 * the one that waits for the mutex. */
//! expect: verified
#define OK
#include "wq_rescuer_flush_bug.c"
