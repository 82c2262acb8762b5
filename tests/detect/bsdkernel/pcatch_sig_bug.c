//! expect(cv_wait_sig_item): bug assertion
//! expect(sx_xlock_sig_held): bug misuse
/* cv_wait_sig (condvar(9)) and sx_xlock_sig (sx(9)) return EINTR or
 * ERESTART when a signal interrupts their wait.  This twin ignores the
 * error: it consumes an item that may not be there, and unlocks an sx
 * lock it did not get.  The _sig forms never failed, so both bugs were
 * verified (a FreeBSD probe); the ok twin (pcatch_sig_ok.c) checks the
 * error and must verify. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/condvar.h>
#include <sys/sx.h>

static struct mtx m;
static struct cv cv;
static struct sx s;
static int items, n;

static void producer(void *arg)
{
	(void)arg;
	mtx_lock(&m);
	items++;
	cv_signal(&cv);
	mtx_unlock(&m);
}

WEFT_TEST(cv_wait_sig_item)
{
	weft_thread_t p;
	int error = 0;

	mtx_init(&m, "m", NULL, MTX_DEF);
	cv_init(&cv, "cv");
	p = weft_spawn(producer, NULL);
	mtx_lock(&m);
	while (items == 0 && error == 0)
		error = cv_wait_sig(&cv, &m);
#ifdef FIXED
	if (error == 0)
		items--;
#else
	KASSERT(items > 0, ("no item"));
	items--;
#endif
	mtx_unlock(&m);
	weft_join(p);
	cv_destroy(&cv);
	mtx_destroy(&m);
}

static void holder(void *arg)
{
	(void)arg;
	sx_xlock(&s);
	n++;
	sx_xunlock(&s);
}

WEFT_TEST(sx_xlock_sig_held)
{
	weft_thread_t h;
	int error;

	sx_init(&s, "s");
	h = weft_spawn(holder, NULL);
	error = sx_xlock_sig(&s);
#ifdef FIXED
	if (error == 0) {
		n++;
		sx_xunlock(&s);
	}
#else
	(void)error;
	n++;
	sx_xunlock(&s);
#endif
	weft_join(h);
	sx_destroy(&s);
}
