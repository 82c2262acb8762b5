//! expect: verified
//! args: --strategy=dfs
/* The twin of rwlock_misuse_bug: the sleeping calls come after the
 * rwlock is dropped, and each side is released by the call that pairs
 * with how it was taken. */
#include <weft/linux.h>

static DEFINE_RWLOCK(lock);
static DEFINE_MUTEX(cfg);
static DECLARE_WAIT_QUEUE_HEAD(wq);
static int ready = 1;

WEFT_TEST(sleep_after_unlock)
{
	read_lock(&lock);
	read_unlock(&lock);
	mutex_lock(&cfg);
	mutex_unlock(&cfg);
	write_lock(&lock);
	write_unlock(&lock);
	wait_event(wq, READ_ONCE(ready));
}
