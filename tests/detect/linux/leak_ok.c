//! expect: verified
//! args: --strategy=dfs --iterations=400000 --time-limit=0
/* The twin of leak_bug: everything cancelled, deleted, put and stopped. */
#include <weft/linux.h>

static void nop_work(struct work_struct *w)
{
	(void)w;
}

static DECLARE_WORK(late, nop_work);
static struct delayed_work dlate;
static struct timer_list tl;

static void tfn(struct timer_list *t)
{
	(void)t;
}

struct obj {
	struct kref ref;
};

static void rel(struct kref *k)
{
	kfree(container_of(k, struct obj, ref));
}

/* A one-shot kthread: kthread_stop waits for it and returns its result.
 * (A thread polling kthread_should_stop() forever is in kthread_ok.c.) */
static int loop(void *data)
{
	(void)data;
	msleep(10);
	return 7;
}

/* One test per kind of leak_bug, since together their schedules multiply
 * (2.3 million, once the explorer reversed the steps that disarm a timer
 * or take a pending work from an idle worker). */
WEFT_TEST(works_flushed_and_cancelled)
{
	INIT_DELAYED_WORK(&dlate, nop_work);
	schedule_work(&late);
	schedule_delayed_work(&dlate, HZ);
	flush_work(&late);
	cancel_delayed_work_sync(&dlate);
}

WEFT_TEST(timer_deleted)
{
	timer_setup(&tl, tfn, 0);
	mod_timer(&tl, jiffies + HZ);
	del_timer_sync(&tl);
}

WEFT_TEST(kref_put)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);

	kref_init(&o->ref);
	kref_put(&o->ref, rel);
}

/* The loop's result, or -EINTR: stopped before it first ran, a kthread
 * never runs its function. */
static bool stopped(int ret)
{
	return ret == 7 || ret == -EINTR;
}

WEFT_TEST(kthread_stopped)
{
	struct task_struct *t = kthread_create(loop, NULL, "poller");
	get_task_struct(t);
	wake_up_process(t);

	weft_assert(!IS_ERR(t));
	weft_assert(stopped(kthread_stop(t)));
	put_task_struct(t);
}

/* All of them in one test, with the work and the timer: a leak check at
 * the end of a test that released everything of two kinds at once. */
WEFT_TEST(everything_released)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);
	struct task_struct *t;

	INIT_DELAYED_WORK(&dlate, nop_work);
	schedule_delayed_work(&dlate, HZ);
	kref_init(&o->ref);
	t = kthread_create(loop, NULL, "poller");
	get_task_struct(t);
	wake_up_process(t);
	weft_assert(!IS_ERR(t));

	cancel_delayed_work_sync(&dlate);
	kref_put(&o->ref, rel);
	weft_assert(stopped(kthread_stop(t)));
	put_task_struct(t);
}
