// lkmm_fence_spin_bug.c with a thread that ends each spin.
//! expect(atomic_cmpxchg): verified
//! expect(atomic_try_cmpxchg): verified
//! expect(plain_cmpxchg): verified
//! expect(plain_try_cmpxchg): verified
//! expect(test_and_set_bit): verified
//! expect(bitlock_leak): verified
//! expect(stale_old): verified
//! expect(mb_poll): verified
#define OK
#include "lkmm_fence_spin_bug.c"
