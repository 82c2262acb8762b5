// An rhashtable used as the kernel documents it: a reader uses what it
// looks up inside its own read section (rhashtable_lookup under
// rcu_read_lock), and a removed object is freed after a grace period
// (kfree_rcu); a duplicate key is refused by
// rhashtable_lookup_insert_fast.  rhashtable_bug has the mistakes.
//! expect(lookup_fast_no_ref): verified
//! expect(free_without_grace): verified
//! expect(duplicate_refused): verified
#include <linux/kthread.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

struct peer {
	u32 addr;
	int hits;
	struct rhash_head node;
	struct rcu_head rcu;
};

static const struct rhashtable_params peer_params = {
	.key_len = sizeof(u32),
	.key_offset = offsetof(struct peer, addr),
	.head_offset = offsetof(struct peer, node),
};

static struct rhashtable peers;
static struct peer *the_peer;

static int rcu_reader(void *arg)
{
	u32 key = 7;
	struct peer *p;

	(void)arg;
	rcu_read_lock();
	p = rhashtable_lookup(&peers, &key, peer_params);
	if (p)
		WRITE_ONCE(p->hits, 1);
	rcu_read_unlock();
	return 0;
}

static void setup(void)
{
	rhashtable_init(&peers, &peer_params);
	the_peer = kzalloc(sizeof *the_peer, GFP_KERNEL);
	the_peer->addr = 7;
	rhashtable_insert_fast(&peers, &the_peer->node, peer_params);
}

WEFT_TEST(lookup_fast_no_ref)
{
	struct task_struct *t;

	setup();
	t = kthread_create(rcu_reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);
	rhashtable_remove_fast(&peers, &the_peer->node, peer_params);
	synchronize_rcu();
	kfree(the_peer);
	kthread_stop(t);
	put_task_struct(t);
	rhashtable_destroy(&peers);
}

WEFT_TEST(free_without_grace)
{
	struct task_struct *t;

	setup();
	t = kthread_create(rcu_reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);
	rhashtable_remove_fast(&peers, &the_peer->node, peer_params);
	kfree_rcu(the_peer, rcu);
	kthread_stop(t);
	put_task_struct(t);
	rcu_barrier();
	rhashtable_destroy(&peers);
}

static int inserter(void *arg)
{
	struct peer *p = arg;

	if (rhashtable_lookup_insert_fast(&peers, &p->node, peer_params))
		kfree(p);
	return 0;
}

static void free_peer(void *ptr, void *arg)
{
	(void)arg;
	kfree(ptr);
}

WEFT_TEST(duplicate_refused)
{
	struct peer *a = kzalloc(sizeof *a, GFP_KERNEL);
	struct peer *b = kzalloc(sizeof *b, GFP_KERNEL);
	struct task_struct *t;

	rhashtable_init(&peers, &peer_params);
	a->addr = 9;
	b->addr = 9;
	t = kthread_create(inserter, a, "inserter");
	get_task_struct(t);
	wake_up_process(t);
	if (rhashtable_lookup_insert_fast(&peers, &b->node, peer_params))
		kfree(b);
	/* A thread stopped before it first ran never inserted a. */
	if (kthread_stop(t) == -EINTR)
		kfree(a);
	put_task_struct(t);
	WARN_ON(atomic_read(&peers.nelems) != 1);
	rhashtable_free_and_destroy(&peers, free_peer, NULL);
}
