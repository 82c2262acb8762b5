// One condition variable, two conditions, cv_signal.  wb sleeps first;
// the first signal (meant for wa) wakes wb, the longest sleeper, which
// finds its condition false and sleeps again, now behind wa; the second
// signal wakes wa, and wb sleeps for ever.  The exhaustive search never
// ran wb's return before the second signal (a release on the channel it
// waits on, taken as the one that enabled it) and verified it in 35
// schedules.  The fix broadcasts.
//! expect: bug deadlock
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/condvar.h>

static struct mtx m;
static struct cv cv;
static int a_ready, b_ready;

#ifdef OK
#define wake(c) cv_broadcast(c)
#else
#define wake(c) cv_signal(c)
#endif

static void wa(void *p)
{
	(void)p;
	mtx_lock(&m);
	while (!a_ready)
		cv_wait(&cv, &m);
	mtx_unlock(&m);
}

static void wb(void *p)
{
	(void)p;
	mtx_lock(&m);
	while (!b_ready)
		cv_wait(&cv, &m);
	mtx_unlock(&m);
}

WEFT_TEST(cv_signal_resleep)
{
	mtx_init(&m, "m", NULL, MTX_DEF);
	cv_init(&cv, "cv");
	weft_thread_t x = weft_spawn(wa, NULL), y = weft_spawn(wb, NULL);

	mtx_lock(&m);
	a_ready = 1;
	wake(&cv);
	mtx_unlock(&m);
	mtx_lock(&m);
	b_ready = 1;
	wake(&cv);
	mtx_unlock(&m);
	weft_join(x);
	weft_join(y);
	cv_destroy(&cv);
	mtx_destroy(&m);
}
