//! expect: bug deadlock
/* A lost wakeup: the waiter tests the flag outside the mutex, so the
 * signal can come between its test and its wait, and nobody signals again. */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static weft_cond_t c = WEFT_COND_INIT;
static weft_atomic_t ready;

static void waiter(void *arg)
{
	(void)arg;
	if (!weft_atomic_load(&ready)) {
		weft_mutex_lock(&m);
		weft_cond_wait(&c, &m);
		weft_mutex_unlock(&m);
	}
}

static void signaller(void *arg)
{
	(void)arg;
	weft_atomic_store(&ready, 1);
	weft_mutex_lock(&m);
	weft_cond_signal(&c);
	weft_mutex_unlock(&m);
}

WEFT_TEST(lost_wakeup)
{
	weft_thread_t w = weft_spawn(waiter, NULL);
	weft_thread_t s = weft_spawn(signaller, NULL);
	weft_join(w);
	weft_join(s);
}
