// atomic(9): a flag published with atomic_store_int and read with
// atomic_load_int orders nothing (atomic(9) promises no ordering without
// _acq or _rel), so the reader's read of the data races with the
// writer's.  The correct twin stores with atomic_store_rel_int and loads
// with atomic_load_acq_int.  <machine/atomic.h> was missing from weft's
// tree (a probe of the FreeBSD models): every atomic(9) call was an
// implicit declaration.
//! expect: bug data-race
#include <sys/param.h>
#include <sys/systm.h>
#include <machine/atomic.h>

static int data;
static volatile u_int ready;

static void writer(void *arg)
{
	(void)arg;
	data = 42;
#ifdef OK
	atomic_store_rel_int(&ready, 1);
#else
	atomic_store_int(&ready, 1);
#endif
}

WEFT_TEST(publish)
{
	weft_thread_t t = weft_spawn(writer, NULL);
#ifdef OK
	u_int r = atomic_load_acq_int(&ready);
#else
	u_int r = atomic_load_int(&ready);
#endif
	if (r)
		KASSERT(data == 42, ("data published"));
	weft_join(t);
}
