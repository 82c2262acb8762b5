//! expect(order_consistent): verified
//! expect(inversion_after_join): verified
//! expect(inversion_before_create): verified
//! expect(inversion_under_gate): verified
//! expect(inversion_after_post): verified
//! args: --strategy=dfs
/* Lock orders that cannot deadlock, so no lock-order report: one
 * consistent order; the inverted order taken only after the thread with
 * the first order was joined, or before that thread was created (the two
 * orders are ordered by happens-before and never overlap); and inverted
 * orders both taken under a common outer lock (a gate: one thread inside
 * at a time); and the inverted order taken only after a semaphore wait
 * that the other order's thread posts when it is done (the post happens
 * before the wait in every schedule).  lockorder_bug.c has the
 * concurrent inversions. */
#include <weft/weft.h>

static weft_mutex_t a = WEFT_MUTEX_INIT;
static weft_mutex_t b = WEFT_MUTEX_INIT;
static weft_mutex_t gate = WEFT_MUTEX_INIT;
static weft_sem_t done;

static void take(weft_mutex_t *x, weft_mutex_t *y)
{
	weft_mutex_lock(x);
	weft_mutex_lock(y);
	weft_mutex_unlock(y);
	weft_mutex_unlock(x);
}

static void ab(void *arg)
{
	(void)arg;
	take(&a, &b);
}

static void ab_gated(void *arg)
{
	(void)arg;
	weft_mutex_lock(&gate);
	take(&a, &b);
	weft_mutex_unlock(&gate);
}

WEFT_TEST(order_consistent)
{
	weft_thread_t t = weft_spawn(ab, NULL);

	weft_join(t);
	take(&a, &b);
}

WEFT_TEST(inversion_after_join)
{
	weft_thread_t t = weft_spawn(ab, NULL);

	weft_join(t);
	take(&b, &a);
}

WEFT_TEST(inversion_before_create)
{
	weft_thread_t t;

	take(&b, &a);
	t = weft_spawn(ab, NULL);
	weft_join(t);
}

WEFT_TEST(inversion_under_gate)
{
	weft_thread_t t = weft_spawn(ab_gated, NULL);

	weft_mutex_lock(&gate);
	take(&b, &a);
	weft_mutex_unlock(&gate);
	weft_join(t);
}

static void ab_after_wait(void *arg)
{
	(void)arg;
	weft_sem_wait(&done);
	take(&a, &b);
}

/* Oracle seed 394131788's shape: the thread is created before the
 * inverted order is taken, but cannot take its own before the post. */
WEFT_TEST(inversion_after_post)
{
	weft_thread_t t;

	weft_sem_init(&done, 0, "done");
	t = weft_spawn(ab_after_wait, NULL);
	take(&b, &a);
	weft_sem_post(&done);
	weft_join(t);
}
