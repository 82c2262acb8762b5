// msleep_handler_bug.c's worker waits for the handler's end with
// del_timer_sync before it sets the flag the handler checks.
//! expect: verified
#define FIXED
#include "msleep_handler_bug.c"
