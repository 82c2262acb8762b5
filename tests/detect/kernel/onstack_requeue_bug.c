// An on-stack work set up and flushed in f(), whose pointer another
// thread keeps and queues again after f() returned.  Real bug (queueing a
// work in a dead frame).  dead_timer_mod: the same with an on-stack
// timer that another thread re-arms with mod_timer after the return.
// (From a review: weft crashed in its lock-order graph on the first:
// the frame returned between the queue's check of the work and its
// step.)
//! expect(dead_work_queue): bug use-after-free
//! expect(dead_timer_mod): bug use-after-free
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/timer.h>
#include <linux/workqueue.h>

static struct work_struct *gw;
static struct timer_list *gt;
static int runs;

static void fn(struct work_struct *w) { (void)w; WRITE_ONCE(runs, 1); }
static void tfn(struct timer_list *t) { (void)t; WRITE_ONCE(runs, 2); }

static noinline void f(void)
{
	struct work_struct w;

	INIT_WORK_ONSTACK(&w, fn);
	WRITE_ONCE(gw, &w);
	schedule_work(&w);
	flush_work(&w);
	destroy_work_on_stack(&w);
}

static int requeue(void *a)
{
	(void)a;
	msleep(1);
	schedule_work(READ_ONCE(gw));
	return 0;
}

WEFT_TEST(dead_work_queue)
{
	struct task_struct *k = kthread_run(requeue, NULL, "requeue");

	f();
	msleep(3);
	kthread_stop(k);
	flush_scheduled_work();
}

static noinline void g(void)
{
	struct timer_list t;

	timer_setup_on_stack(&t, tfn, 0);
	WRITE_ONCE(gt, &t);
	mod_timer(&t, jiffies + 1);
	timer_delete_sync(&t);
	destroy_timer_on_stack(&t);
}

static int rearm(void *a)
{
	(void)a;
	msleep(1);
	mod_timer(READ_ONCE(gt), jiffies + 1);
	return 0;
}

WEFT_TEST(dead_timer_mod)
{
	struct task_struct *k = kthread_run(rearm, NULL, "rearm");

	g();
	msleep(3);
	kthread_stop(k);
}
