//! expect: verified
/* exit_cancel_pending_bug.c's caller expects pthread_exit's value. */
#define OK
#include "exit_cancel_pending_bug.c"
