//! expect: bug lock-order
//! args: --strategy=dfs
/* Waiting for a completion while holding a mutex that the completer takes
 * before completing (the dependency DEPT tracks and lockdep does not).
 * The handshake makes this run safe, but another caller could hold the
 * mutex first and both would wait forever. */
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

WEFT_TEST(wait_holding_mutex)
{
	weft_thread_t t = weft_spawn(completer, NULL);

	wait_for_completion(&started); /* completer is past the mutex */
	mutex_lock(&cfg_mutex);
	wait_for_completion(&done);
	mutex_unlock(&cfg_mutex);
	weft_join(t);
}
