//! expect: bug data-race
//! args: --strategy=dfs
/* rmlock(9) and counter(9), which did not compile under weft (a FreeBSD
 * probe).  A configuration read-mostly under an rmlock, and a drop
 * counter: this reader reads the configuration without the lock, a race
 * with the writer; the twin (rmlock_reader_ok.c) takes the read lock and
 * must verify.  The counter's adds from both threads are no race. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/malloc.h>
#include <sys/rmlock.h>
#include <sys/counter.h>

static struct rmlock cfg_lock;
static int cfg_mtu = 1500;
static counter_u64_t drops;

static void rx_path(void *arg)
{
	struct rm_priotracker tr;
	int mtu;

	(void)arg;
#ifdef FIXED
	rm_rlock(&cfg_lock, &tr);
	rm_assert(&cfg_lock, RA_RLOCKED);
	mtu = cfg_mtu;
	rm_runlock(&cfg_lock, &tr);
#else
	(void)tr;
	mtu = cfg_mtu;
#endif
	if (mtu < 9000)
		counter_u64_add(drops, 1);
}

WEFT_TEST(rmlock_reader)
{
	weft_thread_t t;

	rm_init(&cfg_lock, "cfg");
	drops = counter_u64_alloc(M_WAITOK);
	t = weft_spawn(rx_path, NULL);
	counter_u64_add(drops, 2);
	rm_wlock(&cfg_lock);
	rm_assert(&cfg_lock, RA_WLOCKED);
	cfg_mtu = 9000;
	rm_wunlock(&cfg_lock);
	weft_join(t);
	weft_assert(counter_u64_fetch(drops) >= 2);
	counter_u64_free(drops);
	rm_destroy(&cfg_lock);
}
