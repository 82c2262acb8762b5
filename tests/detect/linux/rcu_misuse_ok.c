//! expect(sync_after_reader): verified
//! expect(nested_readers): verified
//! expect(sleep_outside_reader): verified
//! args: --strategy=dfs
/* Twins of rcu_misuse_bug. */
#include <weft/linux.h>

WEFT_TEST(sync_after_reader)
{
	rcu_read_lock();
	rcu_read_unlock();
	synchronize_rcu();
}

WEFT_TEST(nested_readers)
{
	rcu_read_lock();
	rcu_read_lock();
	rcu_read_unlock();
	weft_assert(rcu_read_lock_held());
	rcu_read_unlock();
	weft_assert(!rcu_read_lock_held());
}

static DEFINE_MUTEX(m);

WEFT_TEST(sleep_outside_reader)
{
	mutex_lock(&m);
	rcu_read_lock();
	rcu_read_unlock();
	mutex_unlock(&m);
}
