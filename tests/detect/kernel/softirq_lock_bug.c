// A timer callback (softirq context) takes the stats lock; process context
// takes it with plain spin_lock(), not spin_lock_bh(): the timer softirq
// can run on the same CPU while the lock is held (lockdep: inconsistent
// {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage).
//! expect: bug deadlock
//! args: --strategy=dfs
#include <linux/module.h>
#include <linux/timer.h>
#include <linux/spinlock.h>
#include <linux/jiffies.h>

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

WEFT_TEST(timer_vs_process)
{
	timer_setup(&stats_timer, stats_fn, 0);
	mod_timer(&stats_timer, jiffies + 1);
	spin_lock(&stats_lock);
	stats = 0;
	spin_unlock(&stats_lock);
	del_timer_sync(&stats_timer);
}
