// condvar(9): cv_wait(cv, mtx) puts the thread on the condition
// variable's sleep queue and then releases mtx; a cv_signal that comes
// before the waiter is on the queue wakes no one.  The consumer here
// tests its flag once (if, not while) and the producer sets the flag and
// signals without the mutex: a signal between the consumer's test and
// its sleep is lost, and the consumer sleeps for ever (a deadlock).
// cv_wait_ok.c sets the flag under the mutex and waits in a loop.
// <sys/condvar.h> was not in weft's header tree: a driver using it did
// not compile.
//! expect: bug deadlock
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/condvar.h>

static struct mtx m;
static struct cv cv;
static int ready;

static void producer(void *arg)
{
	(void)arg;
#ifdef OK
	mtx_lock(&m);
	ready = 1;
	cv_signal(&cv);
	mtx_unlock(&m);
#else
	__atomic_store_n(&ready, 1, __ATOMIC_SEQ_CST);
	cv_signal(&cv);
#endif
}

WEFT_TEST(cv_wait_signal)
{
	weft_thread_t t;

	mtx_init(&m, "m", NULL, MTX_DEF);
	cv_init(&cv, "ready");
	t = weft_spawn(producer, NULL);
	mtx_lock(&m);
#ifdef OK
	while (!ready)
		cv_wait(&cv, &m);
#else
	if (!__atomic_load_n(&ready, __ATOMIC_SEQ_CST))
		cv_wait(&cv, &m);
#endif
	mtx_unlock(&m);
	weft_join(t);
	cv_destroy(&cv);
	mtx_destroy(&m);
}
