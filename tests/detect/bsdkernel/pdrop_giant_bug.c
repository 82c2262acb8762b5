//! expect(pdrop_giant): bug misuse
//! expect(cv_wait_unlock_giant): bug misuse
/* sleep(9): _sleep() asserts
 *     if (priority & PDROP)
 *         KASSERT(lock != NULL && lock != &Giant.lock_object,
 *             ("PDROP requires a non-Giant lock"));
 * weft accepts msleep(chan, &Giant, PDROP, ...) (sleep.c even drops
 * every Giant hold for it) and verifies this program in 2 schedules; it
 * should report misuse.  condvar.c's _cv_wait_unlock has the same rule,
 *     KASSERT(lock != &Giant.lock_object,
 *         ("cv_wait_unlock cannot be used with Giant"));
 * cv_wait_unlock(&cv, &Giant) is verified too (second test).  The twins
 * use the softc mutex. */
#include <sys/condvar.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>

static struct mtx m;
static int done;

static void waker(void *arg)
{
	(void)arg;
#ifdef OK
	mtx_lock(&m);
#else
	mtx_lock(&Giant);
#endif
	done = 1;
	wakeup(&done);
#ifdef OK
	mtx_unlock(&m);
#else
	mtx_unlock(&Giant);
#endif
}

WEFT_TEST(pdrop_giant)
{
	weft_thread_t t;

	mtx_init(&m, "m", NULL, MTX_DEF);
	t = weft_spawn(waker, NULL);
#ifdef OK
	mtx_lock(&m);
	if (!done)
		msleep(&done, &m, PDROP, "d", 0);
	else
		mtx_unlock(&m);
#else
	mtx_lock(&Giant);
	if (!done)
		msleep(&done, &Giant, PDROP, "d", 0);
	else
		mtx_unlock(&Giant);
#endif
	weft_join(t);
	mtx_destroy(&m);
}

static struct cv cv;
static int done2;

static void waker2(void *arg)
{
	(void)arg;
#ifdef OK
	mtx_lock(&m);
#else
	mtx_lock(&Giant);
#endif
	done2 = 1;
	cv_broadcast(&cv);
#ifdef OK
	mtx_unlock(&m);
#else
	mtx_unlock(&Giant);
#endif
}

WEFT_TEST(cv_wait_unlock_giant)
{
	weft_thread_t t;
#ifdef OK
	struct mtx *lk = &m;
#else
	struct mtx *lk = &Giant;
#endif

	mtx_init(&m, "m", NULL, MTX_DEF);
	cv_init(&cv, "c");
	t = weft_spawn(waker2, NULL);
	mtx_lock(lk);
	if (!done2)
		cv_wait_unlock(&cv, lk);
	else
		mtx_unlock(lk);
	weft_join(t);
	cv_destroy(&cv);
	mtx_destroy(&m);
}
