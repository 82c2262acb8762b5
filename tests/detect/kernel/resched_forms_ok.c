// cond_resched_lock() with its spinlock held drops the lock around the
// resched, as the kernel's does when another CPU wants it; spin_trylock_bh
// disables softirqs, so a timer callback that takes the same lock cannot
// spin on it from the holder's CPU.  weft mapped the first to
// cond_resched() (a false "may sleep while spinlock lock is held") and
// the second to spin_trylock (a false deadlock against the timer: a
// probe of kernel patterns).  resched_forms_bug.c calls cond_resched()
// under the lock and takes it with spin_trylock.
//! expect(resched_lock): verified
//! expect(trylock_bh): verified
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/spinlock.h>
#include <linux/timer.h>

static DEFINE_SPINLOCK(lock);
static struct timer_list tm;
int work_left = 3, v;

WEFT_TEST(resched_lock)
{
	spin_lock(&lock);
	while (work_left) {
		work_left--;
#ifdef RESCHED_FORMS_BUG
		cond_resched();
#else
		cond_resched_lock(&lock);
#endif
	}
	spin_unlock(&lock);
}

static void tm_fn(struct timer_list *t)
{
	(void)t;
	spin_lock(&lock);
	v++;
	spin_unlock(&lock);
}

WEFT_TEST(trylock_bh)
{
	timer_setup(&tm, tm_fn, 0);
	mod_timer(&tm, jiffies + 1);
#ifdef RESCHED_FORMS_BUG
	if (spin_trylock(&lock)) {
		v += 10;
		spin_unlock(&lock);
	}
#else
	if (spin_trylock_bh(&lock)) {
		v += 10;
		spin_unlock_bh(&lock);
	}
#endif
	del_timer_sync(&tm);
}
