// FreeBSD source: sx locks and taskqueue drains sleep, and a thread may
// not sleep holding a mutex (locking(9); WITNESS reports it, no inversion
// or second thread needed).  Taking an sx lock, shared or exclusive, or
// draining a task while holding an unrelated MTX_DEF mutex was verified;
// callout_drain in the same place was already reported.
// bsd_sleep_locked_ok.c takes the sx lock first and drains after
// dropping the mutex.
//! expect(sx_xlock_under_mtx): bug misuse
//! expect(sx_slock_under_mtx): bug misuse
//! expect(drain_under_mtx): bug misuse
//! expect(drain_all_under_mtx): bug misuse
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/malloc.h>
#include <sys/sx.h>
#include <sys/taskqueue.h>

static struct mtx m;
static struct sx s;
static struct task tk;
static struct taskqueue *tq;
static int v;

static void tk_fn(void *arg, int pending)
{
	(void)arg;
	(void)pending;
}

WEFT_TEST(sx_xlock_under_mtx)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	sx_init(&s, "s");
#ifdef BSD_SLEEP_FIXED
	sx_xlock(&s);
	mtx_lock(&m);
#else
	mtx_lock(&m);
	sx_xlock(&s);	/* BUG */
#endif
	v++;
	mtx_unlock(&m);
	sx_xunlock(&s);
	mtx_destroy(&m);
}

WEFT_TEST(sx_slock_under_mtx)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	sx_init(&s, "s");
#ifdef BSD_SLEEP_FIXED
	sx_slock(&s);
	mtx_lock(&m);
#else
	mtx_lock(&m);
	sx_slock(&s);	/* BUG */
#endif
	v++;
	mtx_unlock(&m);
	sx_sunlock(&s);
	mtx_destroy(&m);
}

static void drain(int all)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	tq = taskqueue_create("t", M_WAITOK, taskqueue_thread_enqueue, &tq);
	taskqueue_start_threads(&tq, 1, PWAIT, "t");
	TASK_INIT(&tk, 0, tk_fn, NULL);
	taskqueue_enqueue(tq, &tk);
	mtx_lock(&m);
#ifdef BSD_SLEEP_FIXED
	mtx_unlock(&m);
#endif
	if (all)
		taskqueue_drain_all(tq);
	else
		taskqueue_drain(tq, &tk);
#ifndef BSD_SLEEP_FIXED
	mtx_unlock(&m);
#endif
	taskqueue_free(tq);
	mtx_destroy(&m);
}

WEFT_TEST(drain_under_mtx)
{
	drain(0);
}

WEFT_TEST(drain_all_under_mtx)
{
	drain(1);
}
