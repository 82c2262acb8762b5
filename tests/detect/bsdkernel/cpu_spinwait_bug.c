//! expect: bug livelock
/* A flag polled with cpu_spinwait() from <machine/cpu.h> (the header was
 * missing: "No such file or directory").  The poller holds the mutex the
 * setter needs, so the flag never comes: a livelock weft reports as the
 * poller spinning while the setter waits.  cpu_spinwait_ok.c polls
 * without the mutex. */
#include <sys/param.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <machine/atomic.h>
#include <machine/cpu.h>

static struct mtx m;
static volatile u_int ready;

static void setter(void *arg)
{
	(void)arg;
	mtx_lock(&m);
	atomic_store_rel_int(&ready, 1);
	mtx_unlock(&m);
}

WEFT_TEST(cpu_spinwait_poll)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	weft_thread_t t = weft_spawn(setter, NULL);
#ifndef OK
	mtx_lock(&m);
#endif
	while (!atomic_load_acq_int(&ready))
		cpu_spinwait();
#ifndef OK
	mtx_unlock(&m);
#endif
	weft_join(t);
	mtx_destroy(&m);
}
