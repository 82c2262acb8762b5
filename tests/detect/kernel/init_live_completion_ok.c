// init_live_completion_bug.c resetting after the waiter was joined.
//! expect: verified
#define OK
#include "init_live_completion_bug.c"
