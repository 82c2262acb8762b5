//! expect: bug lock-order
//! args: --strategy=dfs
/* del_timer_sync while holding a spinlock the callback takes.  Here the
 * callback has long finished, so nothing hangs, but had it been running
 * the two would wait for each other forever. */
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

WEFT_TEST(del_timer_sync_under_lock)
{
	timer_setup(&stats_timer, stats_fn, 0);
	mod_timer(&stats_timer, jiffies + 1);
	msleep(5);
	flush_scheduled_work();
	spin_lock(&stats_lock);
	del_timer_sync(&stats_timer);
	spin_unlock(&stats_lock);
}
