//! expect: verified
/* c11_cnd_cancel_bug.c's waiter unlocks its mutex in a cleanup handler. */
#define OK
#include "c11_cnd_cancel_bug.c"
