//! expect(work_still_pending): bug leak
//! expect(timer_still_armed): bug leak
//! expect(kref_never_put): bug leak
//! expect(kthread_never_stopped): bug leak
//! args: --strategy=dfs
/* Things left behind at the end of a test (module exit). */
#include <weft/linux.h>

static struct delayed_work gc_work;

/* A periodic garbage collector (seed 001's neighbour GC) that re-queues
 * itself and is never cancelled. */
static void gc_fn(struct work_struct *w)
{
	schedule_delayed_work(to_delayed_work(w), HZ);
}

WEFT_TEST(work_still_pending)
{
	INIT_DELAYED_WORK(&gc_work, gc_fn);
	schedule_delayed_work(&gc_work, HZ);
	msleep(10);
}

static struct timer_list watchdog;

/* A watchdog timer that re-arms itself and is never deleted. */
static void watchdog_fn(struct timer_list *t)
{
	mod_timer(t, jiffies + HZ);
}

WEFT_TEST(timer_still_armed)
{
	timer_setup(&watchdog, watchdog_fn, 0);
	mod_timer(&watchdog, jiffies + HZ);
	msleep(10);
}

struct obj {
	struct kref ref;
};

static void rel(struct kref *k)
{
	kfree(container_of(k, struct obj, ref));
}

WEFT_TEST(kref_never_put)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);

	kref_init(&o->ref);
	kref_get(&o->ref);
	kref_put(&o->ref, rel); /* one reference left */
}

static int loop(void *data)
{
	(void)data;
	while (!kthread_should_stop())
		msleep(10);
	return 0;
}

WEFT_TEST(kthread_never_stopped)
{
	kthread_run(loop, NULL, "poller");
	msleep(5);
}
