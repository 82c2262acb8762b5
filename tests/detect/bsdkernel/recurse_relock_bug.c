//! expect(mtx_recurse): bug assertion
//! expect(sx_shared): bug assertion
//! expect(rw_read): bug assertion
/* A lock taken again by its holder after a scheduling point hid the
 * hold's first acquisition: the writer's blocked lock raced only with the
 * second, a reversal that cannot run, and the default search verified
 * each of these in one or two schedules though the writer may take the
 * lock first (found by a probe of the FreeBSD models).  An MTX_RECURSE
 * mutex, a shared sx lock and a read rwlock(9), each taken again after a
 * pause or a yield.  recurse_relock_ok.c takes the lock before starting
 * the writer. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/rwlock.h>
#include <sys/sx.h>

static struct mtx m;
static struct sx sx;
static struct rwlock rw;
static int val;

static void mtx_writer(void *arg)
{
	(void)arg;
	mtx_lock(&m);
	val = 1;
	mtx_unlock(&m);
}

static void sx_writer(void *arg)
{
	(void)arg;
	sx_xlock(&sx);
	val = 1;
	sx_xunlock(&sx);
}

static void rw_writer(void *arg)
{
	(void)arg;
	rw_wlock(&rw);
	val = 1;
	rw_wunlock(&rw);
}

#ifdef OK
#define FIRST(take, fn) (take, t = weft_spawn(fn, NULL))
#else
#define FIRST(take, fn) (t = weft_spawn(fn, NULL), take)
#endif

WEFT_TEST(mtx_recurse)
{
	weft_thread_t t;

	mtx_init(&m, "m", NULL, MTX_DEF | MTX_RECURSE);
	FIRST(mtx_lock(&m), mtx_writer);
	KASSERT(val == 0, ("the writer got in first"));
	weft_yield();
	mtx_lock(&m);
	mtx_unlock(&m);
	mtx_unlock(&m);
	weft_join(t);
	mtx_destroy(&m);
}

WEFT_TEST(sx_shared)
{
	weft_thread_t t;

	sx_init(&sx, "cfg");
	FIRST(sx_slock(&sx), sx_writer);
	KASSERT(val == 0, ("the writer got in first"));
	pause("w", 1);
	sx_slock(&sx);
	sx_sunlock(&sx);
	sx_sunlock(&sx);
	weft_join(t);
	sx_destroy(&sx);
}

WEFT_TEST(rw_read)
{
	weft_thread_t t;

	rw_init(&rw, "rw");
	FIRST(rw_rlock(&rw), rw_writer);
	KASSERT(val == 0, ("the writer got in first"));
	weft_yield();
	rw_rlock(&rw);
	rw_runlock(&rw);
	rw_runlock(&rw);
	weft_join(t);
	rw_destroy(&rw);
}
