// A route lookup takes the table's read lock, and the nexthop resolver
// it calls takes it again.  Without RM_RECURSE (this twin) FreeBSD panics
// under INVARIANTS: "rm_rlock: recursed on non-recursive rmlock"; with it
// (rmlock_recurse_ok.c) readers nest.  weft's read holds nested either
// way, so this was verified (a FreeBSD probe).
//! expect: bug misuse
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/rmlock.h>

static struct rmlock rt_lock;
static int rt_nh[4] = { 1, 2, 3, 0 };

static int nh_resolve(int i)
{
	struct rm_priotracker tr;
	int v;

	rm_rlock(&rt_lock, &tr);
	v = rt_nh[i];
	rm_runlock(&rt_lock, &tr);
	return v;
}

static int rt_lookup(int dst)
{
	struct rm_priotracker tr;
	int nh;

	rm_rlock(&rt_lock, &tr);
	nh = nh_resolve(dst & 3);
	rm_runlock(&rt_lock, &tr);
	return nh;
}

static void writer(void *arg)
{
	(void)arg;
	rm_wlock(&rt_lock);
	rt_nh[3] = 4;
	rm_wunlock(&rt_lock);
}

WEFT_TEST(rmlock_recurse)
{
	weft_thread_t t;
	int nh;

#ifdef OK
	rm_init_flags(&rt_lock, "rt", RM_RECURSE);
#else
	rm_init(&rt_lock, "rt");
#endif
	t = weft_spawn(writer, NULL);
	nh = rt_lookup(3);
	weft_join(t);
	KASSERT(nh == 0 || nh == 4, ("bad nh"));
	rm_destroy(&rt_lock);
}
