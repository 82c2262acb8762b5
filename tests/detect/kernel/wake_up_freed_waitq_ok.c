// wake_up_freed_waitq_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "wake_up_freed_waitq_bug.c"
