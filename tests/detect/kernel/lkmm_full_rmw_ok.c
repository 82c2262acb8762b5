// lkmm_full_rmw_bug.c with the fully ordered forms (xchg, cmpxchg,
// atomic_inc_return, test_and_set_bit): Never in the kernel memory model,
// each a false assertion failure before they had a seq_cst fence on each
// side (a probe's).
//! expect(sb_xchg): verified
//! expect(sb_cmpxchg): verified
//! expect(sb_inc_return): verified
//! expect(sb_test_and_set): verified
//! expect(dekker_xchg): verified
#define OK
#include "lkmm_full_rmw_bug.c"
