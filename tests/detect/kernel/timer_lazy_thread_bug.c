//! expect: bug data-race
//! args: --strategy=dfs
/* Two paths kick one shared watchdog timer to the same deadline: port A
 * records its link speed first; port B just kicks.  The watchdog's
 * handler reads the speed under the lock.  Bug: A stores the speed
 * without the lock: a handler run armed by B's kick is not ordered after
 * A's store.  The timer's thread is made by the first mod_timer, and it
 * took its maker's clock: when A kicked first, its store was ordered
 * before every handler run and the race was verified (a probe comparing
 * dfs with random schedules). */
#include <linux/timer.h>
#include <linux/spinlock.h>
#include <linux/delay.h>
#include <weft/weft.h>

static DEFINE_SPINLOCK(lock);
static int speed, reports;
static struct timer_list wd;
static unsigned long deadline;

static void wd_fn(struct timer_list *t)
{
	(void)t;
	spin_lock(&lock); reports += speed; spin_unlock(&lock);
}
static void probe_a(void *a)
{
	(void)a;
#ifdef FIXED
	spin_lock_bh(&lock); speed = 1000; spin_unlock_bh(&lock);
#else
	speed = 1000;
#endif
	mod_timer(&wd, deadline);
}
static void probe_b(void *a) { (void)a; mod_timer(&wd, deadline); }

WEFT_TEST(two_kicks)
{
	timer_setup(&wd, wd_fn, 0);
	deadline = jiffies + 2;
	weft_thread_t a = weft_spawn(probe_a, NULL);
	weft_thread_t b = weft_spawn(probe_b, NULL);
	weft_join(a); weft_join(b);
	msleep(3);
	timer_shutdown_sync(&wd);
}
