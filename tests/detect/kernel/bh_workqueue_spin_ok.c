// bh_workqueue_spin_bug.c with the lock taken with softirqs off.
//! expect: verified
#define OK
#include "bh_workqueue_spin_bug.c"
