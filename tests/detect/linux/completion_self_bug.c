//! expect(own_count_taken): bug deadlock
//! expect(completer_takes_lock): bug lock-order
//! args: --strategy=dfs
/* The twins of completion_self_ok in which the caller's wait does depend
 * on another completer.  In own_count_taken a consumer may take the
 * caller's own count first: the caller then waits, holding L, for the
 * third thread's complete(), which comes after that thread takes L, and
 * the schedule hangs.  In completer_takes_lock a handshake keeps the run
 * from hanging, but the last count comes from a thread that took L
 * before completing, so waiting under L is a lock-order cycle. */
#include <weft/linux.h>

static DEFINE_MUTEX(state_lock);
static DECLARE_COMPLETION(ready);
static DECLARE_COMPLETION(passed);

static void consumer(void *arg)
{
	(void)arg;
	wait_for_completion(&ready);
}

static void completer(void *arg)
{
	(void)arg;
	mutex_lock(&state_lock);
	mutex_unlock(&state_lock);
	complete(&ready);
	complete(&passed);
}

WEFT_TEST(own_count_taken)
{
	weft_thread_t c = weft_spawn(consumer, NULL);
	weft_thread_t d;

	mutex_lock(&state_lock);
	complete(&ready);
	mutex_unlock(&state_lock);
	d = weft_spawn(completer, NULL);

	mutex_lock(&state_lock);
	wait_for_completion(&ready);
	mutex_unlock(&state_lock);
	weft_join(c);
	weft_join(d);
}

WEFT_TEST(completer_takes_lock)
{
	weft_thread_t c = weft_spawn(consumer, NULL);
	weft_thread_t d;

	mutex_lock(&state_lock);
	complete(&ready);
	mutex_unlock(&state_lock);
	d = weft_spawn(completer, NULL);
	wait_for_completion(&passed); /* the completer is past the lock */

	mutex_lock(&state_lock);
	wait_for_completion(&ready);
	mutex_unlock(&state_lock);
	weft_join(c);
	weft_join(d);
}
