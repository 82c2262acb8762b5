// cancel_work_self_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "cancel_work_self_bug.c"
