// gfp_atomic_null_bug.c's unchecked uses under --alloc-fail=none: no
// allocation fails, and each is verified as before allocations could
// fail (one schedule fewer where the failure was a branch), with the
// verdict line saying that allocations that do not sleep all succeeded.
//! args: --alloc-fail=none
//! expect(atomic_under_lock): verified
//! expect(nowait_kcalloc): verified executions=1
//! expect(noretry_kmemdup): verified executions=1
//! expect(atomic_in_timer): verified
//! expect(never_fails): verified executions=1
#include "gfp_atomic_null_bug.c"
