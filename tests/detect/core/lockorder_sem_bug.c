//! expect: bug lock-order
//! args: --strategy=dfs --preemption-bound=0
/* The twin of lockorder_ok.c's inversion_after_post: the semaphore is
 * posted before the inverted order is taken, so it keeps nothing apart,
 * and the two orders can overlap (a schedule with two preemptions hangs).
 * Without preemptions no schedule hangs, and the lock-order graph still
 * reports the inversion: the post orders only what came before it. */
#include <weft/weft.h>

static weft_mutex_t a = WEFT_MUTEX_INIT;
static weft_mutex_t b = WEFT_MUTEX_INIT;
static weft_sem_t go;

static void take(weft_mutex_t *x, weft_mutex_t *y)
{
	weft_mutex_lock(x);
	weft_mutex_lock(y);
	weft_mutex_unlock(y);
	weft_mutex_unlock(x);
}

static void wait_then_ab(void *arg)
{
	(void)arg;
	weft_sem_wait(&go);
	take(&a, &b);
}

WEFT_TEST(inversion_after_early_post)
{
	weft_thread_t t;

	weft_sem_init(&go, 0, "go");
	t = weft_spawn(wait_then_ab, NULL);
	weft_sem_post(&go);
	take(&b, &a);
	weft_join(t);
}
