// complete_after_timeout_free_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "complete_after_timeout_free_bug.c"
