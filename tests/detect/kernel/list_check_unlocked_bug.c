// "Already queued?" tested with list_empty outside the lock, then
// list_add_tail under it: two submitters both see the node unqueued and
// add it twice (CONFIG_DEBUG_LIST's "list_add double add").  The race is
// on the node, in the list helpers inlined from weft's kernel headers:
// the report named list.h's lines and no line of the program; it names
// the program's now (tests/cli/kernel_explain.sh; a probe of driver
// patterns).  The fix tests under the lock.
//! expect: bug data-race
#include <linux/list.h>
#include <linux/spinlock.h>

struct evt {
	struct list_head node;
	int count;
};

static LIST_HEAD(evq);
static DEFINE_SPINLOCK(evq_lock);
static struct evt the_evt;

static void post_event(void *arg)
{
	(void)arg;
#ifdef OK
	spin_lock(&evq_lock);
	if (list_empty(&the_evt.node))
		list_add_tail(&the_evt.node, &evq);
	the_evt.count++;
	spin_unlock(&evq_lock);
#else
	if (list_empty(&the_evt.node)) {
		spin_lock(&evq_lock);
		list_add_tail(&the_evt.node, &evq);
		the_evt.count++;
		spin_unlock(&evq_lock);
	}
#endif
}

WEFT_TEST(post_twice)
{
	weft_thread_t a, b;

	INIT_LIST_HEAD(&the_evt.node);
	a = weft_spawn(post_event, NULL);
	b = weft_spawn(post_event, NULL);
	weft_join(a);
	weft_join(b);
	spin_lock(&evq_lock);
	list_del_init(&the_evt.node);
	spin_unlock(&evq_lock);
}
