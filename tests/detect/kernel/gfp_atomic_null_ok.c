// gfp_atomic_null_bug.c with each allocation that may fail checked.
//! expect(atomic_under_lock): verified
//! expect(nowait_kcalloc): verified executions=2
//! expect(noretry_kmemdup): verified executions=2
//! expect(atomic_in_timer): verified
//! expect(never_fails): verified executions=1
#define OK
#include "gfp_atomic_null_bug.c"
