// Lockless "is it empty?" peeks, re-checked under the lock: a kernel
// idiom the kernel's marked accesses make race-free.  list_empty is
// READ_ONCE(head->next), and __list_add, __list_del and INIT_LIST_HEAD
// write ->next with WRITE_ONCE; hlist_empty is READ_ONCE(h->first),
// written with WRITE_ONCE by hlist_add_head and __hlist_del;
// list_first_entry_or_null reads ->next once with READ_ONCE;
// list_del_init_careful ends with smp_store_release(&e->next, e) for
// list_empty_careful's smp_load_acquire.  weft's list.h used plain
// accesses and reported all four as data races (found by a probe of
// kernel-style code).  Only those fields are marked: this twin peeks with
// plain reads of ->prev or ->first, reads ->next a second time plainly,
// or ends a waited-for entry with list_del_init (no release), each a data
// race in the kernel too; list_lockless_peek_ok.c uses the kernel's
// helpers.
//! expect(list_empty_peek): bug data-race
//! expect(hlist_empty_peek): bug data-race
//! expect(first_or_null_peek): bug data-race
//! expect(careful_wait): bug data-race
#include <linux/list.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#ifdef OK
#define PEEK_EMPTY(h) list_empty(h)
#define PEEK_HEMPTY(h) hlist_empty(h)
#define PEEK_FIRST(h, type, m) list_first_entry_or_null(h, type, m)
#define DEL_CAREFUL(e) list_del_init_careful(e)
#else
#define PEEK_EMPTY(h) ((h)->prev == (h))
#define PEEK_HEMPTY(h) (!(h)->first)
#define PEEK_FIRST(h, type, m)                                                \
	(list_empty(h) ? NULL : list_first_entry(h, type, m))
#define DEL_CAREFUL(e) list_del_init(e)
#endif

struct item {
	struct list_head node;
	struct hlist_node hnode;
	int v;
};

static LIST_HEAD(q);
static HLIST_HEAD(bucket);
static DEFINE_SPINLOCK(qlock);

static void list_consumer(void *arg)
{
	struct item *it = NULL;

	(void)arg;
	if (PEEK_EMPTY(&q))
		return;
	spin_lock(&qlock);
	if (!list_empty(&q)) {
		it = list_first_entry(&q, struct item, node);
		list_del(&it->node);
	}
	spin_unlock(&qlock);
	kfree(it);
}

static void produce_and_drain(void (*consumer)(void *))
{
	struct item *it = kzalloc(sizeof *it, GFP_KERNEL);
	weft_thread_t t = weft_spawn(consumer, NULL);

	spin_lock(&qlock);
	list_add_tail(&it->node, &q);
	spin_unlock(&qlock);
	weft_join(t);
	spin_lock(&qlock);
	if (!list_empty(&q)) {
		list_del(&it->node);
		kfree(it);
	}
	spin_unlock(&qlock);
}

WEFT_TEST(list_empty_peek)
{
	produce_and_drain(list_consumer);
}

static void first_consumer(void *arg)
{
	struct item *it = NULL;

	(void)arg;
	if (!PEEK_FIRST(&q, struct item, node))
		return;
	spin_lock(&qlock);
	it = list_first_entry_or_null(&q, struct item, node);
	if (it)
		list_del(&it->node);
	spin_unlock(&qlock);
	kfree(it);
}

WEFT_TEST(first_or_null_peek)
{
	produce_and_drain(first_consumer);
}

static void hlist_peeker(void *arg)
{
	struct item *it = NULL;

	(void)arg;
	if (PEEK_HEMPTY(&bucket))
		return;
	spin_lock(&qlock);
	if (!hlist_empty(&bucket)) {
		it = hlist_entry(bucket.first, struct item, hnode);
		hlist_del(&it->hnode);
	}
	spin_unlock(&qlock);
	kfree(it);
}

WEFT_TEST(hlist_empty_peek)
{
	struct item *it = kzalloc(sizeof *it, GFP_KERNEL);
	weft_thread_t t = weft_spawn(hlist_peeker, NULL);

	spin_lock(&qlock);
	hlist_add_head(&it->hnode, &bucket);
	spin_unlock(&qlock);
	weft_join(t);
	spin_lock(&qlock);
	if (!hlist_empty(&bucket)) {
		hlist_del(&it->hnode);
		kfree(it);
	}
	spin_unlock(&qlock);
}

/* A completer sets the status, then takes the entry off the list; the
 * waiter polls list_empty_careful and then reads the status. */
static void completer(void *arg)
{
	struct item *it;

	(void)arg;
	spin_lock(&qlock);
	it = list_first_entry_or_null(&q, struct item, node);
	if (it) {
		it->v = 1;
		DEL_CAREFUL(&it->node);
	}
	spin_unlock(&qlock);
}

WEFT_TEST(careful_wait)
{
	struct item *it = kzalloc(sizeof *it, GFP_KERNEL);
	weft_thread_t t;

	INIT_LIST_HEAD(&it->node);
	spin_lock(&qlock);
	list_add_tail(&it->node, &q);
	spin_unlock(&qlock);
	t = weft_spawn(completer, NULL);
	while (!list_empty_careful(&it->node))
		cond_resched();
	WARN_ON(it->v != 1);
	kfree(it);
	weft_join(t);
}
