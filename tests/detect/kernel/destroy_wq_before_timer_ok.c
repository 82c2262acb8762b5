// destroy_wq_before_timer_bug.c as fixed (FIXED): verified.
//! expect: verified
#define FIXED
#include "destroy_wq_before_timer_bug.c"
