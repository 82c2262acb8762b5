//! expect: verified
//! args: --strategy=dfs
/* The twin of completion_order_bug: the wait happens outside the mutex. */
#include <weft/linux.h>

static DEFINE_MUTEX(cfg_mutex);
static DECLARE_COMPLETION(started);
static DECLARE_COMPLETION(done);

static void completer(void *arg)
{
	(void)arg;
	mutex_lock(&cfg_mutex);
	mutex_unlock(&cfg_mutex);
	complete(&started);
	complete(&done);
}

WEFT_TEST(wait_outside_mutex)
{
	weft_thread_t t = weft_spawn(completer, NULL);

	wait_for_completion(&started);
	wait_for_completion(&done);
	mutex_lock(&cfg_mutex);
	mutex_unlock(&cfg_mutex);
	weft_join(t);
}
