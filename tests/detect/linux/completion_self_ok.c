//! expect: verified
//! args: --strategy=dfs
/* A thread completes C while holding L and later waits for C while
 * holding L again.  Its own count is still there when it waits, so the
 * wait depends on no other completer and this cannot hang, although the
 * complete under L gives C -> L and the wait under L gives L -> C.  A
 * second thread uses L meanwhile, so the waits and locks interleave. */
#include <weft/linux.h>

static DEFINE_MUTEX(state_lock);
static DECLARE_COMPLETION(ready);
static int state;

static void user(void *arg)
{
	(void)arg;
	mutex_lock(&state_lock);
	state++;
	mutex_unlock(&state_lock);
}

WEFT_TEST(complete_then_wait_under_lock)
{
	weft_thread_t t = weft_spawn(user, NULL);

	mutex_lock(&state_lock);
	state++;
	complete(&ready);
	mutex_unlock(&state_lock);

	mutex_lock(&state_lock);
	wait_for_completion(&ready);
	state++;
	mutex_unlock(&state_lock);
	weft_join(t);
	weft_assert(state == 3);
}

/* The same within one critical section, with a timed wait. */
WEFT_TEST(complete_then_timed_wait_under_lock)
{
	weft_thread_t t = weft_spawn(user, NULL);

	mutex_lock(&state_lock);
	complete(&ready);
	weft_assert(wait_for_completion_timeout(&ready, 10) > 0);
	mutex_unlock(&state_lock);
	weft_join(t);
}
