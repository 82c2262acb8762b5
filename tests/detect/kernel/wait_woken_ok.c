// The fix of wait_woken_bug.c: the entry is on the queue before the
// condition is checked, and a wake-up before wait_woken is kept.
//! expect: verified
#define OK
#include "wait_woken_bug.c"
