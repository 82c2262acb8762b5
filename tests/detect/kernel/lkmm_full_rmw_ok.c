// lkmm_full_rmw_bug.c with the fully ordered read-modify-writes (and a
// cmpxchg that stores): Never in the kernel memory model, each a false
// assertion failure before they were seq_cst fences for the C11 atomics
// (a probe's).
//! expect(sb_xchg): verified
//! expect(sb_cmpxchg): verified
//! expect(sb_try_cmpxchg): verified
//! expect(sb_cmpxchg_failed): verified
//! expect(sb_inc_return): verified
//! expect(sb_atomic_xchg): verified
//! expect(sb_test_and_set): verified
//! expect(dekker_xchg): verified
#define OK
#include "lkmm_full_rmw_bug.c"
