/* src/pthread/c11.c - the C11 <threads.h> API on the pthread models.
 *
 * glibc implements <threads.h> on pthreads with the same object layouts:
 * thrd_t is a pthread_t, mtx_t / cnd_t have the size of pthread_mutex_t /
 * pthread_cond_t, tss_t is a pthread_key_t and once_flag a pthread_once_t.
 * So each call is its pthread model, with the results mapped to thrd_*
 * codes, and a C11 thread is a pthread whose int result travels as a
 * pointer.  What each call blocks on and orders is what its pthread
 * counterpart does; traces name the C11 call where the step is its own. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <threads.h>

#include "pthread/pt.h"
#include "sync/sync.h"
#include "modelled.h"

_Static_assert(sizeof(thrd_t) == sizeof(pthread_t), "thrd_t");
_Static_assert(sizeof(mtx_t) == sizeof(pthread_mutex_t), "mtx_t");
_Static_assert(sizeof(cnd_t) == sizeof(pthread_cond_t), "cnd_t");
_Static_assert(sizeof(tss_t) == sizeof(pthread_key_t), "tss_t");
_Static_assert(sizeof(once_flag) == sizeof(pthread_once_t), "once_flag");

static int code(int err)
{
	switch (err) {
	case 0:
		return thrd_success;
	case EBUSY:
		return thrd_busy;
	case ETIMEDOUT:
		return thrd_timedout;
	case ENOMEM:
	case EAGAIN:
		return thrd_nomem;
	default:
		return thrd_error;
	}
}

/* ---- threads ------------------------------------------------------------- */

struct c11_start {
	thrd_start_t fn;
	void *arg;
};

static void *c11_thread(void *p)
{
	const struct c11_start *s = p;

	return (void *)(intptr_t)s->fn(s->arg);
}

int __weft_thrd_create(thrd_t *thr, thrd_start_t fn, void *arg)
{
	struct c11_start *s;

	if (!weft__pt_live())
		return weft__pt_premain_thread(thrd_create(thr, fn, arg), 1);
	s = weft__exec_alloc(sizeof *s);
	s->fn = fn;
	s->arg = arg;
	return code(weft__pt_create((pthread_t *)thr, NULL, c11_thread, s,
				    (void *(*)(void *))(uintptr_t)fn,
				    PT_LOC()));
}

int __weft_thrd_join(thrd_t thr, int *res)
{
	void *ret = NULL;
	int err;

	if (!weft__pt_live())
		return weft__pt_premain_thread(thrd_join(thr, res), -1);
	err = weft__pt_join(thr, &ret, PT_LOC());
	if (!err && res)
		*res = (int)(intptr_t)ret;
	return code(err);
}

_Noreturn void __weft_thrd_exit(int res)
{
	if (!weft__pt_live())
		thrd_exit(res);
	__weft_pthread_exit((void *)(intptr_t)res);
	__builtin_unreachable();
}

int __weft_thrd_detach(thrd_t thr)
{
	if (!weft__pt_live())
		return thrd_detach(thr);
	return code(weft__pt_detach(thr, "thrd_detach", PT_LOC()));
}

thrd_t __weft_thrd_current(void)
{
	if (!weft__pt_live())
		return thrd_current();
	return PT_ID(weft__self());
}

int __weft_thrd_equal(thrd_t a, thrd_t b)
{
	return a == b;
}

void __weft_thrd_yield(void)
{
	if (!weft__pt_live()) {
		thrd_yield();
		return;
	}
	weft_yield_at(PT_LOC());
}

/* Virtual time, as nanosleep: returns 0, or -2 for a bad duration. */
int __weft_thrd_sleep(const struct timespec *d, struct timespec *rem)
{
	if (!weft__pt_live())
		return thrd_sleep(d, rem);
	if (!d || d->tv_sec < 0 || weft__pt_nsec_bad(d))
		return -2;
	weft__pt_sleep_ns(weft__pt_ts_ns(d),
			  PT_LOC());
	if (rem)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}

/* ---- mutexes ------------------------------------------------------------- */

static weft_mutex_t *wm(mtx_t *m)
{
	return weft__pt_mutex((pthread_mutex_t *)m);
}

int __weft_mtx_init(mtx_t *m, int type)
{
	pthread_mutexattr_t a;
	int err;

	if (!weft__pt_live())
		return mtx_init(m, type);
	if (type != mtx_plain && type != mtx_timed &&
	    type != (mtx_plain | mtx_recursive) &&
	    type != (mtx_timed | mtx_recursive))
		return thrd_error;
	pthread_mutexattr_init(&a);
	pthread_mutexattr_settype(&a, type & mtx_recursive
					      ? PTHREAD_MUTEX_RECURSIVE
					      : PTHREAD_MUTEX_NORMAL);
	err = weft__pt_mutex_init((pthread_mutex_t *)m, &a, "mtx_init",
				  PT_LOC());
	pthread_mutexattr_destroy(&a);
	return code(err);
}

/* Blocks while another thread holds m; relocking a plain mutex one holds
 * is a deadlock. */
int __weft_mtx_lock(mtx_t *m)
{
	if (!weft__pt_live())
		return mtx_lock(m);
	weft__mutex_lock(wm(m), "mtx_lock", PT_LOC());
	return thrd_success;
}

int __weft_mtx_trylock(mtx_t *m)
{
	if (!weft__pt_live())
		return mtx_trylock(m);
	return weft__mutex_trylock(wm(m), "mtx_trylock", PT_LOC())
		       ? thrd_busy
		       : thrd_success;
}

/* When m is busy, timing out or waiting until it is free is an explored
 * choice (the deadline is virtual). */
int __weft_mtx_timedlock(mtx_t *restrict m, const struct timespec *restrict ts)
{
	const struct weft_loc *loc;

	if (!weft__pt_live())
		return mtx_timedlock(m, ts);
	loc = PT_LOC();
	if (weft__mutex_trylock(wm(m), "mtx_timedlock", loc) == 0)
		return thrd_success;
	if (weft__pt_bad_deadline(ts))
		return thrd_error;
	if (weft__pt_times_out("timedlock times out", CLOCK_REALTIME, ts, loc))
		return thrd_timedout;
	weft__pt_wait_begin(CLOCK_REALTIME, ts);
	weft__mutex_lock(wm(m), "mtx_timedlock", loc);
	weft__pt_wait_end();
	return thrd_success;
}

int __weft_mtx_unlock(mtx_t *m)
{
	if (!weft__pt_live())
		return mtx_unlock(m);
	weft__mutex_unlock(wm(m), "mtx_unlock", PT_LOC());
	return thrd_success;
}

void __weft_mtx_destroy(mtx_t *m)
{
	if (!weft__pt_live()) {
		mtx_destroy(m);
		return;
	}
	weft_mutex_destroy_at(wm(m), PT_LOC());
}

void __weft_call_once(once_flag *flag, void (*fn)(void))
{
	if (!weft__pt_live()) {
		call_once(flag, fn);
		return;
	}
	weft__pt_once((pthread_once_t *)flag, fn, PT_LOC());
}

/* ---- condition variables ------------------------------------------------- */

int __weft_cnd_init(cnd_t *c)
{
	if (!weft__pt_live())
		return cnd_init(c);
	return code(__weft_pthread_cond_init((pthread_cond_t *)c, NULL));
}

/* Blocks: releases m, waits for a signal or a spurious wakeup, re-takes
 * m; the signaller's past happens before the return. */
int __weft_cnd_wait(cnd_t *c, mtx_t *m)
{
	if (!weft__pt_live())
		return cnd_wait(c, m);
	/* glibc's pthread_cond_wait, a cancellation point (it was none, and
	 * a cancel request the waiter never acted on was a false deadlock: a
	 * probe). */
	weft__pt_cond_wait_as((pthread_cond_t *)c, (pthread_mutex_t *)m,
			      "cnd_wait", PT_LOC());
	return thrd_success;
}

int __weft_cnd_timedwait(cnd_t *restrict c, mtx_t *restrict m,
			 const struct timespec *restrict ts)
{
	int r;

	if (!weft__pt_live())
		return cnd_timedwait(c, m, ts);
	/* pthread_cond_timedwait on TIME_UTC's clock: a cancellation point,
	 * whose timeout moves the clock to the deadline (a caller's check
	 * of the clock after it saw the deadline not yet come: a probe's
	 * false alarm). */
	r = weft__pt_cond_timedwait((pthread_cond_t *)c, (pthread_mutex_t *)m,
				    CLOCK_REALTIME, ts, "cnd_timedwait",
				    PT_LOC());
	return !r ? thrd_success : r == ETIMEDOUT ? thrd_timedout : thrd_error;
}

int __weft_cnd_signal(cnd_t *c)
{
	if (!weft__pt_live())
		return cnd_signal(c);
	weft_cond_signal_at(weft__pt_cond((pthread_cond_t *)c), PT_LOC());
	return thrd_success;
}

int __weft_cnd_broadcast(cnd_t *c)
{
	if (!weft__pt_live())
		return cnd_broadcast(c);
	weft_cond_broadcast_at(weft__pt_cond((pthread_cond_t *)c), PT_LOC());
	return thrd_success;
}

void __weft_cnd_destroy(cnd_t *c)
{
	if (!weft__pt_live())
		cnd_destroy(c);
}

/* ---- thread-specific storage ----------------------------------------------
 * The destructors run when a thread ends (returning from its function or
 * thrd_exit), as for pthread keys. */

int __weft_tss_create(tss_t *key, tss_dtor_t dtor)
{
	if (!weft__pt_live())
		return tss_create(key, dtor);
	return code(__weft_pthread_key_create((pthread_key_t *)key, dtor));
}

void *__weft_tss_get(tss_t key)
{
	if (!weft__pt_live())
		return tss_get(key);
	return __weft_pthread_getspecific(key);
}

int __weft_tss_set(tss_t key, void *val)
{
	if (!weft__pt_live())
		return tss_set(key, val);
	return code(__weft_pthread_setspecific(key, val));
}

void __weft_tss_delete(tss_t key)
{
	if (!weft__pt_live()) {
		tss_delete(key);
		return;
	}
	__weft_pthread_key_delete(key);
}
