// The fix of list_check_unlocked_bug.c: the test under the lock.
//! expect: verified
#define OK
#include "list_check_unlocked_bug.c"
