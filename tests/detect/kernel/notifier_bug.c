// notifier_ok's chains used wrongly.  unregister_in_callback removes its
// own block from a blocking chain inside the callback: the chain's
// rw_semaphore is held for reading around the callbacks, and the
// unregistering down_write waits for it for ever.  sleep_in_atomic_chain
// takes a mutex in an atomic chain's callback, which runs inside an RCU
// read section.  raw_chain_free frees a listener right after taking it
// off a raw chain, which another thread is calling without a lock: it
// may still be in the listener's callback (or about to load its next).
//! expect(unregister_in_callback): bug deadlock
//! expect(sleep_in_atomic_chain): bug
//! expect(raw_chain_free): bug use-after-free
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/slab.h>

static BLOCKING_NOTIFIER_HEAD(bchain);
static ATOMIC_NOTIFIER_HEAD(achain);
static RAW_NOTIFIER_HEAD(rchain);
static DEFINE_MUTEX(stats_lock);
static int events;

static int once(struct notifier_block *nb, unsigned long action, void *data)
{
	(void)action;
	(void)data;
	events++;
	blocking_notifier_chain_unregister(&bchain, nb);
	return NOTIFY_OK;
}

static struct notifier_block once_nb = { .notifier_call = once };

WEFT_TEST(unregister_in_callback)
{
	blocking_notifier_chain_register(&bchain, &once_nb);
	blocking_notifier_call_chain(&bchain, 1, NULL);
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
	atomic_notifier_chain_register(&achain, &count_nb);
	atomic_notifier_call_chain(&achain, 1, NULL);
	atomic_notifier_chain_unregister(&achain, &count_nb);
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
	raw_notifier_call_chain(&rchain, 1, NULL);
	return 0;
}

WEFT_TEST(raw_chain_free)
{
	struct listener *l = kzalloc(sizeof *l, GFP_KERNEL);
	struct task_struct *t;

	l->nb.notifier_call = listen;
	raw_notifier_chain_register(&rchain, &l->nb);
	t = kthread_run(caller, NULL, "caller");
	raw_notifier_chain_unregister(&rchain, &l->nb);
	kfree(l);
	kthread_stop(t);
}
