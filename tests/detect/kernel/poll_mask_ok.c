// The fix of poll_mask_bug.c: the count is read under the lock.
//! expect: verified
#define OK
#include "poll_mask_bug.c"
