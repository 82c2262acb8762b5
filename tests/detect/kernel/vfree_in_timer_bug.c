// vfree may sleep unless the caller is in interrupt context: the kernel
// hands the block to a work when in_interrupt() (a timer handler, or
// softirqs disabled by spin_lock_bh) and calls might_sleep() otherwise.
// Here a work function, in process context, frees under a plain
// spinlock: "BUG: sleeping function called from invalid context".  weft
// took vfree for kfree and verified it.  vfree_in_timer_ok.c frees from
// a timer handler and under spin_lock_bh instead, which is legal and
// must stay verified.
//! expect: bug misuse
#include <linux/delay.h>
#include <linux/spinlock.h>
#include <linux/timer.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

static DEFINE_SPINLOCK(lk);
static void *buf_a, *buf_b;
static struct timer_list tm;
static struct work_struct wk;

static void free_bufs(void)
{
	void *a, *b;

	spin_lock(&lk);
	a = buf_a;
	b = buf_b;
	buf_a = buf_b = NULL;
	vfree(a);
	spin_unlock(&lk);
	/* softirqs off: in_interrupt(), so vfree defers. */
	spin_lock_bh(&lk);
	vfree(b);
	spin_unlock_bh(&lk);
}

static void timer_fn(struct timer_list *t)
{
	(void)t;
	free_bufs();
}

static void work_fn(struct work_struct *w)
{
	(void)w;
	free_bufs();
}

WEFT_TEST(vfree_in_timer)
{
	buf_a = vmalloc(64);
	buf_b = vmalloc(64);
#ifdef OK
	timer_setup(&tm, timer_fn, 0);
	mod_timer(&tm, jiffies + 1);
	msleep(10);
	del_timer_sync(&tm);
	(void)work_fn;
	(void)wk;
#else
	INIT_WORK(&wk, work_fn);
	schedule_work(&wk);
	flush_work(&wk);
	(void)timer_fn;
	(void)tm;
#endif
	/* Whatever the handler did not free (it may not have run). */
	vfree(buf_a);
	vfree(buf_b);
}
