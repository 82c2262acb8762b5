//! expect(concurrent_inversion): bug lock-order
//! args: --strategy=random --iterations=1
/* Two threads take a and b in opposite orders, concurrently.  The one
 * execution run here does not hang (each thread runs its whole critical
 * section in turn), but the lock-order graph sees both orders taken by
 * threads not ordered by happens-before, so it reports the potential
 * deadlock without the schedule that shows it.  lockorder_ok.c has the
 * inversions that cannot deadlock: separated by a join or a thread's
 * creation or a semaphore, or taken under a common outer lock;
 * lockorder_sem_bug.c a semaphore posted too early to keep them apart. */
#include <weft/weft.h>

static weft_mutex_t a = WEFT_MUTEX_INIT;
static weft_mutex_t b = WEFT_MUTEX_INIT;

static void ab(void *arg)
{
	(void)arg;
	weft_mutex_lock(&a);
	weft_mutex_lock(&b);
	weft_mutex_unlock(&b);
	weft_mutex_unlock(&a);
}

static void ba(void *arg)
{
	(void)arg;
	weft_mutex_lock(&b);
	weft_mutex_lock(&a);
	weft_mutex_unlock(&a);
	weft_mutex_unlock(&b);
}

WEFT_TEST(concurrent_inversion)
{
	weft_thread_t t = weft_spawn(ab, NULL);
	weft_thread_t u = weft_spawn(ba, NULL);

	weft_join(t);
	weft_join(u);
}
