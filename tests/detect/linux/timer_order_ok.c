//! expect: verified
//! args: --strategy=dfs
/* The twin of timer_order_bug: the timer is deleted outside the lock. */
#include <weft/linux.h>

static DEFINE_SPINLOCK(stats_lock);
static struct timer_list stats_timer;
static int stats;

static void stats_fn(struct timer_list *t)
{
	(void)t;
	spin_lock(&stats_lock);
	stats++;
	spin_unlock(&stats_lock);
}

WEFT_TEST(del_timer_sync_outside_lock)
{
	timer_setup(&stats_timer, stats_fn, 0);
	mod_timer(&stats_timer, jiffies + 1);
	msleep(5);
	del_timer_sync(&stats_timer);
	spin_lock(&stats_lock);
	weft_assert(stats == 1);
	spin_unlock(&stats_lock);
}
