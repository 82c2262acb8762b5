//! expect(sleep_under_read_lock): bug misuse
//! expect(wait_under_write_lock): bug misuse
//! expect(unlock_not_held): bug misuse
//! args: --strategy=dfs
/* rwlock_t spins: sleeping while holding it for reading or writing is
 * misuse, as under a spinlock; so is releasing it without holding it. */
#include <weft/linux.h>

static DEFINE_RWLOCK(lock);
static DEFINE_MUTEX(cfg);
static DECLARE_WAIT_QUEUE_HEAD(wq);
static int ready = 1;

WEFT_TEST(sleep_under_read_lock)
{
	read_lock(&lock);
	mutex_lock(&cfg);
	mutex_unlock(&cfg);
	read_unlock(&lock);
}

WEFT_TEST(wait_under_write_lock)
{
	write_lock(&lock);
	wait_event(wq, READ_ONCE(ready));
	write_unlock(&lock);
}

WEFT_TEST(unlock_not_held)
{
	read_lock(&lock);
	write_unlock(&lock);
}
