//! expect: bug misuse
/* sx_xlock and sx_slock sleep on a busy lock, and their slow paths drop
 * Giant while they wait (GIANT_SAVE in _sx_xlock_hard and _sx_slock_hard,
 * restored once they hold the lock): a Giant holder may wait for an sx
 * holder that needs Giant.  weft kept Giant, a false deadlock (a FreeBSD
 * probe); the ok twin (giant_sx_ok.c) must verify.  This twin holds an
 * ordinary mutex instead, which is not dropped: taking an sx lock with
 * it held is misuse (WITNESS), and a real deadlock. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/sx.h>

#ifdef FIXED
#define LOCK (&Giant)
#else
#define LOCK (&m)
#endif

static struct sx s;
static struct mtx m;
static int n;

static void holder(void *arg)
{
	(void)arg;
	sx_xlock(&s);
	mtx_lock(LOCK);
	n++;
	mtx_unlock(LOCK);
	sx_xunlock(&s);
}

WEFT_TEST(giant_sx_xlock)
{
	weft_thread_t w;

	sx_init(&s, "s");
	mtx_init(&m, "m", NULL, MTX_DEF);
	w = weft_spawn(holder, NULL);
	mtx_lock(LOCK);
	sx_xlock(&s);
	n++;
	sx_xunlock(&s);
	mtx_unlock(LOCK);
	weft_join(w);
	sx_destroy(&s);
	mtx_destroy(&m);
}

WEFT_TEST(giant_sx_slock)
{
	weft_thread_t w;

	sx_init(&s, "s");
	mtx_init(&m, "m", NULL, MTX_DEF);
	w = weft_spawn(holder, NULL);
	mtx_lock(LOCK);
	sx_slock(&s);
	n++;
	sx_sunlock(&s);
	mtx_unlock(LOCK);
	weft_join(w);
	sx_destroy(&s);
	mtx_destroy(&m);
}
