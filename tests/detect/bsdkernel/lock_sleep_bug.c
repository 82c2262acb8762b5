// sx_sleep and rw_sleep: sleep(9) with an sx or rw lock as the interlock,
// released once the sleeper is on the channel's queue and taken back in
// the mode it was held in.  Before, they were implicit declarations (a
// probe of the FreeBSD models).  The consumers here test the flag before
// they take the lock, so the producer's wakeup can come between the test
// and the sleep and is lost; lock_sleep_ok.c tests it under the lock, in
// a loop.  held_other sleeps on an sx lock while holding an rw lock:
// misuse, as msleep with one held is.
//! expect(sx_exclusive): bug deadlock
//! expect(rw_shared): bug deadlock
//! expect(held_other): bug misuse
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/rwlock.h>
#include <sys/sx.h>

static struct sx sx;
static struct rwlock rw, other;
static int ready, data;

static void sx_producer(void *arg)
{
	(void)arg;
	sx_xlock(&sx);
	data = 7;
	ready = 1;
	wakeup(&ready);
	sx_xunlock(&sx);
}

WEFT_TEST(sx_exclusive)
{
	weft_thread_t t;

	sx_init(&sx, "sx");
	ready = 0;
	t = weft_spawn(sx_producer, NULL);
#ifdef OK
	sx_xlock(&sx);
	while (!ready)
		sx_sleep(&ready, &sx, 0, "ready", 0);
#else
	if (!ready) {
		sx_xlock(&sx);
		sx_sleep(&ready, &sx, 0, "ready", 0);
	} else {
		sx_xlock(&sx);
	}
#endif
	KASSERT(sx_xlocked(&sx), ("sx taken back exclusively"));
	KASSERT(data == 7, ("data"));
	sx_xunlock(&sx);
	weft_join(t);
	sx_destroy(&sx);
}

static void rw_producer(void *arg)
{
	(void)arg;
	rw_wlock(&rw);
	data = 9;
	ready = 1;
	rw_wunlock(&rw);
	wakeup(&ready);
}

WEFT_TEST(rw_shared)
{
	weft_thread_t t;

	rw_init(&rw, "rw");
	ready = 0;
	t = weft_spawn(rw_producer, NULL);
#ifdef OK
	rw_rlock(&rw);
	while (!ready)
		rw_sleep(&ready, &rw, 0, "ready", 0);
#else
	if (!ready) {
		rw_rlock(&rw);
		rw_sleep(&ready, &rw, 0, "ready", 0);
	} else {
		rw_rlock(&rw);
	}
#endif
	KASSERT(data == 9, ("data"));
	rw_runlock(&rw);
	weft_join(t);
	rw_destroy(&rw);
}

static void waker(void *arg)
{
	(void)arg;
	sx_xlock(&sx);
	ready = 1;
	wakeup(&ready);
	sx_xunlock(&sx);
}

WEFT_TEST(held_other)
{
	weft_thread_t t;

	sx_init(&sx, "sx");
	rw_init(&other, "other");
	ready = 0;
	t = weft_spawn(waker, NULL);
#ifndef OK
	rw_wlock(&other);
#endif
	sx_xlock(&sx);
	while (!ready)
		sx_sleep(&ready, &sx, 0, "ready", 0);
	sx_xunlock(&sx);
#ifndef OK
	rw_wunlock(&other);
#endif
	weft_join(t);
}
