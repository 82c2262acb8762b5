// lkmm_full_barrier_bug.c with the full barriers: Never in the kernel
// memory model, each a false assertion failure before smp_mb and its kin
// were seq_cst fences for the C11 atomics (a probe's).
//! expect(sb_mb): verified
//! expect(sb_after_spinlock): verified
//! expect(sb_unlock_lock): verified
//! expect(sb_sync_rcu): verified
//! expect(r_mb): verified
//! expect(iriw_mb): verified
//! expect(wrwc_mb): verified
//! expect(z6_mb_lock): verified
//! expect(need_wakeup): verified
#define OK
#include "lkmm_full_barrier_bug.c"
