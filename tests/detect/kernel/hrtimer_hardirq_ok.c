// The fix of hrtimer_hardirq_bug.c: a _SOFT hrtimer expires in softirq
// context, which spin_lock_bh keeps out.
//! expect: verified
#define OK
#include "hrtimer_hardirq_bug.c"
