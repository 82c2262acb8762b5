// The fix of refcount_publish_bug.c: smp_wmb() before the publishing
// refcount_set() or refcount_inc(), smp_rmb() after the reader's
// refcount_inc_not_zero() or refcount_read().
//! expect: verified
#define FIXED
#include "refcount_publish_bug.c"
