// reinit_after_start_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "reinit_after_start_bug.c"
