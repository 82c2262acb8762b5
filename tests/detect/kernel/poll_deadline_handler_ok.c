// The fix of poll_deadline_handler_bug.c: the deadline is a timeout of a
// poll of the handler's flag, and del_timer_sync() makes sure the handler
// is done (or will never run) before the free.
//! expect: verified
#define FIXED
#include "poll_deadline_handler_bug.c"
