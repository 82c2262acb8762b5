//! expect: verified
/* cancel_close_bug.c's worker unlocks its mutex in a cleanup handler. */
#define OK
#include "cancel_close_bug.c"
