// bsd_sleep_locked_bug.c fixed: the sx lock is taken before the mutex,
// and the drains come after the mutex is dropped.
//! expect(sx_xlock_under_mtx): verified
//! expect(sx_slock_under_mtx): verified
//! expect(drain_under_mtx): verified
//! expect(drain_all_under_mtx): verified
#define BSD_SLEEP_FIXED 1
#include "bsd_sleep_locked_bug.c"
