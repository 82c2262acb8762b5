// rhashtable_ok's table used wrongly.  lookup_fast_no_ref uses the
// object rhashtable_lookup_fast returned after the lookup's own read
// section has ended, with no reference taken: a remover that frees it
// right after removing it (even after a grace period) can free it
// first: the reader writes to freed memory (or, in other orders, the free
// races with its write).  free_without_grace frees a removed object at
// once, while a reader inside its read section may still be on it.
//! expect(lookup_fast_no_ref): bug use-after-free
//! expect(free_without_grace): bug use-after-free
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

static int reader(void *arg)
{
	u32 key = 7;
	struct peer *p = rhashtable_lookup_fast(&peers, &key, peer_params);

	(void)arg;
	if (p)
		WRITE_ONCE(p->hits, 1);
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
	t = kthread_create(reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);
	rhashtable_remove_fast(&peers, &the_peer->node, peer_params);
	synchronize_rcu();
	kfree(the_peer);
	kthread_stop(t);
	put_task_struct(t);
	rhashtable_destroy(&peers);
}

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

WEFT_TEST(free_without_grace)
{
	struct task_struct *t;

	setup();
	t = kthread_create(rcu_reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);
	rhashtable_remove_fast(&peers, &the_peer->node, peer_params);
	kfree(the_peer);
	kthread_stop(t);
	put_task_struct(t);
	rhashtable_destroy(&peers);
}
