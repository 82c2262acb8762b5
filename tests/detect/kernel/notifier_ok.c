// Notifier chains used as the kernel documents them: a blocking chain's
// listener is removed outside the call, a callback that sleeps is on a
// blocking chain, and a listener called from another thread is freed
// after atomic_notifier_chain_unregister, which waits for the callers
// inside their RCU read sections.  notifier_bug has each mistake.
//! expect(unregister_in_callback): verified
//! expect(sleep_in_atomic_chain): verified
//! expect(raw_chain_free): verified
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/slab.h>

static BLOCKING_NOTIFIER_HEAD(bchain);
static ATOMIC_NOTIFIER_HEAD(achain);
static DEFINE_MUTEX(stats_lock);
static int events;

static int once(struct notifier_block *nb, unsigned long action, void *data)
{
	(void)nb;
	(void)action;
	(void)data;
	events++;
	return NOTIFY_OK;
}

static struct notifier_block once_nb = { .notifier_call = once };

WEFT_TEST(unregister_in_callback)
{
	blocking_notifier_chain_register(&bchain, &once_nb);
	blocking_notifier_call_chain(&bchain, 1, NULL);
	blocking_notifier_chain_unregister(&bchain, &once_nb);
}

static int count_event(struct notifier_block *nb, unsigned long action,
		       void *data)
{
	(void)nb;
	(void)action;
	(void)data;
	mutex_lock(&stats_lock);
	events++;
	mutex_unlock(&stats_lock);
	return NOTIFY_OK;
}

static struct notifier_block count_nb = { .notifier_call = count_event };

WEFT_TEST(sleep_in_atomic_chain)
{
	blocking_notifier_chain_register(&bchain, &count_nb);
	blocking_notifier_call_chain(&bchain, 1, NULL);
	blocking_notifier_chain_unregister(&bchain, &count_nb);
}

struct listener {
	struct notifier_block nb;
	int seen;
};

static int listen(struct notifier_block *nb, unsigned long action, void *data)
{
	struct listener *l = container_of(nb, struct listener, nb);

	(void)data;
	l->seen += (int)action;
	return NOTIFY_OK;
}

static int caller(void *arg)
{
	(void)arg;
	atomic_notifier_call_chain(&achain, 1, NULL);
	return 0;
}

WEFT_TEST(raw_chain_free)
{
	struct listener *l = kzalloc(sizeof *l, GFP_KERNEL);
	struct task_struct *t;

	l->nb.notifier_call = listen;
	atomic_notifier_chain_register(&achain, &l->nb);
	t = kthread_create(caller, NULL, "caller");
	get_task_struct(t);
	wake_up_process(t);
	atomic_notifier_chain_unregister(&achain, &l->nb);
	kfree(l);
	kthread_stop(t);
	put_task_struct(t);
}
