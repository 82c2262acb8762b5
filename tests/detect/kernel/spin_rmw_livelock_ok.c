// spin_rmw_livelock_bug's loops, each of which ends: another thread
// stores the value a cmpxchg expects or clears the bit, the error path
// clears its busy bit, the cmpxchg loop re-reads the value it expects.
// A failed cmpxchg counts as a round of a spin only until another thread
// writes: none of these is a livelock.
//! expect(atomic_cmpxchg): verified
//! expect(atomic_try_cmpxchg): verified
//! expect(plain_cmpxchg): verified
//! expect(plain_try_cmpxchg): verified
//! expect(test_and_set_bit): verified
//! expect(bitlock_leak): verified
//! expect(stale_old): verified
#define OK
#include "spin_rmw_livelock_bug.c"
