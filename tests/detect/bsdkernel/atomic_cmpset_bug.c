// atomic(9) read-modify-writes: two threads claim a slot.  atomic_cmpset_int
// lets one of them win; the buggy twin tests with atomic_load_int and
// then stores, so both may claim it.  Also atomic_fetchadd_int,
// atomic_set_int/atomic_clear_int and atomic_testandset_int, whose results
// the test checks in every interleaving.
//! expect: bug assertion
#include <sys/param.h>
#include <sys/systm.h>
#include <machine/atomic.h>

static volatile u_int owner, claims, bits, order;

static void claim(void *arg)
{
	u_int me = (u_int)(uintptr_t)arg;
#ifdef OK
	if (atomic_cmpset_int(&owner, 0, me))
		atomic_add_int(&claims, 1);
#else
	if (atomic_load_int(&owner) == 0) {
		atomic_store_int(&owner, me);
		atomic_add_int(&claims, 1);
	}
#endif
	atomic_set_int(&bits, 1u << me);
	(void)atomic_fetchadd_int(&order, 1);
}

WEFT_TEST(claim)
{
	weft_thread_t a = weft_spawn(claim, (void *)1);
	weft_thread_t b = weft_spawn(claim, (void *)2);

	weft_join(a);
	weft_join(b);
	KASSERT(atomic_load_int(&claims) == 1, ("one claim"));
	KASSERT(atomic_load_int(&bits) == 6, ("both bits"));
	KASSERT(atomic_load_int(&order) == 2, ("two adds"));
	atomic_clear_int(&bits, 2);
	KASSERT(atomic_testandset_int(&bits, 1) == 0, ("bit 1 clear"));
	KASSERT(atomic_testandclear_int(&bits, 2) == 1, ("bit 2 set"));
	KASSERT(atomic_readandclear_int(&bits) == 2, ("bit 1 left"));
}
