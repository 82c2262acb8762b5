// spin_rmw_livelock_bug.c's spins in a program that loads C11 atomics
// (smp_load_acquire), where the kernel's full barriers and fully
// ordered read-modify-writes are seq_cst fences: the fence is the
// step's own, no step of its own, and no progress, so a loop of
// failing cmpxchg, or of smp_mb and smp_load_acquire, is still a
// livelock.  As a step of its own (a write of the fences' object) each
// fence was progress, and the plain cmpxchg spin ran to the step limit
// (a reverted attempt's).  mb_poll: nothing sets the flag (the ok twin,
// lkmm_fence_spin_ok.c, has a thread that does).
//! expect(atomic_cmpxchg): bug livelock
//! expect(atomic_try_cmpxchg): bug livelock
//! expect(plain_cmpxchg): bug livelock
//! expect(plain_try_cmpxchg): bug livelock
//! expect(test_and_set_bit): bug livelock
//! expect(bitlock_leak): bug livelock
//! expect(stale_old): bug livelock
//! expect(mb_poll): bug livelock
#include "spin_rmw_livelock_bug.c"

static int flag;

static void set_flag(void *arg)
{
	(void)arg;
	smp_store_release(&flag, 1);
}

WEFT_TEST(mb_poll)
{
#ifdef OK
	weft_thread_t t = weft_spawn(set_flag, NULL);
#else
	(void)set_flag;
#endif
	while (!smp_load_acquire(&flag))
		smp_mb();
#ifdef OK
	weft_join(t);
#endif
}
