// mutex_lock() while holding a spinlock: a sleep in atomic context.
//! expect: bug misuse
#include <linux/spinlock.h>
#include <linux/mutex.h>

static DEFINE_SPINLOCK(stats_lock);
static DEFINE_MUTEX(cfg_mutex);
static int stats, cfg;

WEFT_TEST(mutex_under_spinlock)
{
	spin_lock(&stats_lock);
	stats++;
	mutex_lock(&cfg_mutex);
	cfg++;
	mutex_unlock(&cfg_mutex);
	spin_unlock(&stats_lock);
}
