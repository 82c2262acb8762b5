// percpu_ref_kill_under_lock_bug.c with spin_lock_bh: the release, which
// runs after the kill's switch to atomic mode in softirq context, cannot
// interrupt the killer's section.
//! expect: verified
#define OK
#include "percpu_ref_kill_under_lock_bug.c"
