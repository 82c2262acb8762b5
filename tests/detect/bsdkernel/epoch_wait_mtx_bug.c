//! expect(epoch_wait_mtx): bug misuse
//! expect(epoch_wait_kind): bug misuse
/* epoch_wait_preempt (NET_EPOCH_WAIT) may sleep until the preempted
 * readers are done: FreeBSD's warns as WITNESS_WARN(WARN_SLEEPOK) with a
 * mutex other than Giant held ("epoch_wait() can be long running"), as
 * taskqueue_drain and sx_xlock do.  weft did not check it, and this
 * program, which waits for the readers of an unlinked entry while it
 * still holds the table's mutex, was verified (found by a probe of the
 * FreeBSD models); epoch_wait_mtx_ok.c unlocks first.  epoch_wait, for an
 * epoch without EPOCH_PREEMPT, spins in a critical section of its own and
 * may be called with the mutex held (the correct twin of
 * epoch_wait_kind); epoch_wait_preempt on such an epoch is misuse (the
 * kernel asserts the epoch's flags). */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/epoch.h>

struct entry {
	int key;
};

static struct mtx table_mtx;
static struct entry *table;

static void reader(void *arg)
{
	struct epoch_tracker et;
	struct entry *e;

	(void)arg;
	NET_EPOCH_ENTER(et);
	e = __atomic_load_n(&table, __ATOMIC_ACQUIRE);
	if (e)
		MPASS(e->key == 7);
	NET_EPOCH_EXIT(et);
}

WEFT_TEST(epoch_wait_mtx)
{
	struct entry *e = malloc(sizeof(*e), M_DEVBUF, M_WAITOK | M_ZERO);
	weft_thread_t r;

	e->key = 7;
	mtx_init(&table_mtx, "table", NULL, MTX_DEF);
	__atomic_store_n(&table, e, __ATOMIC_RELEASE);
	r = weft_spawn(reader, NULL);
	mtx_lock(&table_mtx);
	__atomic_store_n(&table, NULL, __ATOMIC_RELEASE);
#ifdef OK
	mtx_unlock(&table_mtx);
	NET_EPOCH_WAIT();
#else
	NET_EPOCH_WAIT();
	mtx_unlock(&table_mtx);
#endif
	free(e, M_DEVBUF);
	weft_join(r);
	mtx_destroy(&table_mtx);
}

WEFT_TEST(epoch_wait_kind)
{
	epoch_t ep = epoch_alloc("spin", 0);

	mtx_init(&table_mtx, "table", NULL, MTX_DEF);
	mtx_lock(&table_mtx);
#ifdef OK
	epoch_wait(ep);
#else
	epoch_wait_preempt(ep);
#endif
	mtx_unlock(&table_mtx);
	epoch_free(ep);
	mtx_destroy(&table_mtx);
}
