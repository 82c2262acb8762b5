// A timer callback runs with bottom halves off, an RCU read-side region
// of its own (since Linux 4.20): once the test knows the callback has
// begun, synchronize_rcu() waits for the callback's end, so the plain
// read after it sees the callback's write and does not race with it
// (rcu_handler_region_ok.c).  The end of such a region was recorded at
// the epoch of its accesses, which the race detector counts as not
// ordered before a clock equal to it: a false data race (a review's
// probe; a preempt_disable region in a thread likewise).  Without the
// synchronize_rcu (this file), the read may come first: the WARN_ON.
//! expect: bug assertion
#include <linux/completion.h>
#include <linux/rcupdate.h>
#include <linux/timer.h>

static struct timer_list tm;
static int data;
static DECLARE_COMPLETION(begun);

static void fn(struct timer_list *t)
{
	(void)t;
	complete(&begun);
	data = 1;
}

WEFT_TEST(rcu_waits_handler)
{
	int v;

	timer_setup(&tm, fn, 0);
	mod_timer(&tm, jiffies + 1);
	wait_for_completion(&begun);
#ifdef FIXED
	synchronize_rcu();
#endif
	v = data;
	WARN_ON(v != 1);
	del_timer_sync(&tm);
}
