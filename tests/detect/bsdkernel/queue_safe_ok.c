// The twin of queue_safe_bug.c: the detach walks its lists with the
// _SAFE traversals, which may free the element they are on.
//! expect: verified
#define OK
#include "queue_safe_bug.c"
