//! expect(msleep_if): bug assertion
//! expect(cv_if_broadcast): bug assertion
/* Two consumers test for an item with if, not while: one wakeup(9) (or
 * cv_broadcast) wakes both, the first takes the only item, and the second
 * finds the queue empty unless the producer's second section got in
 * first.  The producer's second wakeup found both consumers woken
 * already, yet counted as a release, which a sleeper's return after it
 * could not come before; no explored order let a consumer take the mutex
 * back before that section, and both were verified in 20 schedules
 * (found by a probe of the FreeBSD models).  wakeup_if_ok.c loops. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/lock.h>
#include <sys/mutex.h>
#include <sys/condvar.h>

#ifdef OK
#define UNTIL_ITEM while
#else
#define UNTIL_ITEM if
#endif

static struct mtx mtx;
static struct cv cv;
static int items;

static void sleeper(void *arg)
{
	(void)arg;
	mtx_lock(&mtx);
	UNTIL_ITEM (items == 0)
		msleep(&items, &mtx, PWAIT, "q", 0);
	KASSERT(items > 0, ("consumed from an empty queue"));
	items--;
	mtx_unlock(&mtx);
}

static void waiter(void *arg)
{
	(void)arg;
	mtx_lock(&mtx);
	UNTIL_ITEM (items == 0)
		cv_wait(&cv, &mtx);
	KASSERT(items > 0, ("consumed from an empty queue"));
	items--;
	mtx_unlock(&mtx);
}

static void produce(int cond)
{
	mtx_lock(&mtx);
	items++;
	if (cond)
		cv_broadcast(&cv);
	else
		wakeup(&items);
	mtx_unlock(&mtx);
}

static void run(void (*consumer)(void *), int cond)
{
	weft_thread_t c1, c2;

	mtx_init(&mtx, "q", NULL, MTX_DEF);
	cv_init(&cv, "q");
	c1 = weft_spawn(consumer, NULL);
	c2 = weft_spawn(consumer, NULL);
	produce(cond);
	produce(cond);
	weft_join(c1);
	weft_join(c2);
	cv_destroy(&cv);
	mtx_destroy(&mtx);
}

WEFT_TEST(msleep_if)
{
	run(sleeper, 0);
}

WEFT_TEST(cv_if_broadcast)
{
	run(waiter, 1);
}
