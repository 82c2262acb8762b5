//! expect: verified
/* cancel_fsync_bug.c with the mutex unlocked by a cleanup handler. */
#define OK
#include "cancel_fsync_bug.c"
