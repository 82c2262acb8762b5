//! expect(sync_in_reader): bug misuse
//! expect(unbalanced_unlock): bug misuse
//! expect(sleep_in_reader): bug misuse
//! args: --strategy=dfs
/* RCU misuse: a grace-period wait inside a read section would wait for
 * itself; an unlock without a lock; sleeping inside a read section. */
#include <weft/linux.h>

WEFT_TEST(sync_in_reader)
{
	rcu_read_lock();
	synchronize_rcu();
	rcu_read_unlock();
}

WEFT_TEST(unbalanced_unlock)
{
	rcu_read_lock();
	rcu_read_unlock();
	rcu_read_unlock();
}

static DEFINE_MUTEX(m);

WEFT_TEST(sleep_in_reader)
{
	rcu_read_lock();
	mutex_lock(&m);
	mutex_unlock(&m);
	rcu_read_unlock();
}
