//! expect: bug assertion
/* Two retry loops: c1's bug needs its sixth poll to see x (a fairness
 * bound of 6, reached by deepening), while c2 gives up after 100 polls
 * and then works for 20,000 steps, past --max-steps.  The give-up probe
 * of c2 ran into the step limit, which abandoned the deepening as a
 * limit of the round's own would: the verdict fell back to the first
 * round's bound and verified c1's bug (a review found it).  A probe's
 * run is no longer the round's.  giveup_long_fallback_ok.c asserts what
 * holds. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag, x, ready, work;

static void *producer(void *arg)
{
	atomic_store(&ready, 1);
	atomic_store(&x, 1);
	atomic_store(&flag, 1);
	return arg;
}

static void *c1(void *arg)
{
	int i, seen = 0;

	for (i = 0; i < 10; i++) {
		if (atomic_load(&flag))
			break;
		seen |= atomic_load(&x) << i;
	}
#ifdef OK
	if (i == 10)
		assert((seen & ~0x3ff) == 0);
#else
	if (i == 10)
		assert(seen != 0x3e0);
#endif
	return arg;
}

static void *c2(void *arg)
{
	int i;

	for (i = 0; i < 100; i++)
		if (atomic_load(&ready))
			break;
	if (i == 100)
		for (int k = 0; k < 20000; k++)
			atomic_fetch_add(&work, 1);
	return arg;
}

int main(void)
{
	pthread_t p, a, b;

	pthread_create(&a, NULL, c1, NULL);
	pthread_create(&b, NULL, c2, NULL);
	pthread_create(&p, NULL, producer, NULL);
	pthread_join(p, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
