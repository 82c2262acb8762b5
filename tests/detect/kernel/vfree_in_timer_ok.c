// vfree_in_timer_bug.c's frees made from a timer handler, in softirq
// context, where vfree defers the free and may not sleep: legal.
//! expect: verified
#define OK
#include "vfree_in_timer_bug.c"
