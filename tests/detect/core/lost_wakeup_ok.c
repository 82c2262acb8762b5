//! expect: verified
/* The correct twin: the predicate is tested and set under the mutex, and
 * re-tested in a loop after every wakeup (spurious ones included). */
#include <weft/weft.h>

static weft_mutex_t m = WEFT_MUTEX_INIT;
static weft_cond_t c = WEFT_COND_INIT;
static int ready;

static void waiter(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	while (!ready)
		weft_cond_wait(&c, &m);
	weft_mutex_unlock(&m);
}

static void signaller(void *arg)
{
	(void)arg;
	weft_mutex_lock(&m);
	ready = 1;
	weft_cond_signal(&c);
	weft_mutex_unlock(&m);
}

WEFT_TEST(no_lost_wakeup)
{
	weft_thread_t w = weft_spawn(waiter, NULL);
	weft_thread_t s = weft_spawn(signaller, NULL);
	weft_join(w);
	weft_join(s);
	weft_assert(ready == 1);
}
