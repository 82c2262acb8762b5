// llist_del_first() needs one consumer at a time (or a lock among
// consumers): two consumers popping at once can read the next pointer
// of a node the other already took and freed.  The fix serialises the
// consumers with a spinlock, as llist.h's table says.
//! expect: bug use-after-free
#include <linux/llist.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/kthread.h>

struct item {
	struct llist_node node;
	int v;
};

static LLIST_HEAD(q);
#ifdef FIXED
static DEFINE_SPINLOCK(consumer_lock);
#endif

static void consume_one(void)
{
	struct llist_node *n;

#ifdef FIXED
	spin_lock(&consumer_lock);
	n = llist_del_first(&q);
	spin_unlock(&consumer_lock);
#else
	n = llist_del_first(&q);
#endif
	if (n)
		kfree(llist_entry(n, struct item, node));
}

static int consumer(void *arg)
{
	(void)arg;
	consume_one();
	return 0;
}

WEFT_TEST(two_consumers)
{
	struct task_struct *t;
	int i;

	for (i = 0; i < 2; i++) {
		struct item *it = kzalloc(sizeof(*it), GFP_KERNEL);

		llist_add(&it->node, &q);
	}
	t = kthread_create(consumer, NULL, "consumer");
	get_task_struct(t);
	wake_up_process(t);
	consume_one();
	kthread_stop(t);
	put_task_struct(t);
	while (!llist_empty(&q))
		consume_one();
}
