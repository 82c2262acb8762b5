// SRCU (linux/srcu.h): readers that sleep inside their read section, a
// writer that frees the old version after synchronize_srcu or through
// call_srcu and srcu_barrier, and two srcu_structs whose grace periods do
// not wait for each other's readers.  srcu_bug.c has the broken twins.
//! expect: verified
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/srcu.h>

struct cfg {
	int v;
	struct rcu_head rcu;
};
static struct cfg __rcu *cur;
DEFINE_STATIC_SRCU(cfg_srcu);

static int reader(void *arg)
{
	int idx = srcu_read_lock(&cfg_srcu);
	struct cfg *c = srcu_dereference(cur, &cfg_srcu);

	(void)arg;
	msleep(1); /* SRCU readers may sleep */
	if (c)
		WARN_ON(c->v != 1 && c->v != 2);
	srcu_read_unlock(&cfg_srcu, idx);
	return 0;
}

static struct cfg *make(int v)
{
	struct cfg *c = kzalloc(sizeof(*c), GFP_KERNEL);

	c->v = v;
	return c;
}

WEFT_TEST(synchronize_then_free)
{
	struct task_struct *t;
	struct cfg *old;

	rcu_assign_pointer(cur, make(1));
	t = kthread_create(reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);
	old = rcu_dereference_protected(cur, 1);
	rcu_assign_pointer(cur, make(2));
	synchronize_srcu(&cfg_srcu);
	kfree(old);
	kthread_stop(t);
	put_task_struct(t);
	kfree(rcu_dereference_protected(cur, 1));
}

static void free_cfg(struct rcu_head *h)
{
	kfree(container_of(h, struct cfg, rcu));
}

WEFT_TEST(call_srcu_then_barrier)
{
	struct task_struct *t;
	struct cfg *old;

	rcu_assign_pointer(cur, make(1));
	t = kthread_create(reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);
	old = rcu_dereference_protected(cur, 1);
	rcu_assign_pointer(cur, make(2));
	call_srcu(&cfg_srcu, &old->rcu, free_cfg);
	kthread_stop(t);
	put_task_struct(t);
	srcu_barrier(&cfg_srcu);
	kfree(rcu_dereference_protected(cur, 1));
}

/* A reader of one srcu_struct waits, inside its section, for a writer
 * that first waits for a grace period of another: with one domain for
 * both this would deadlock. */
static struct srcu_struct a_srcu, b_srcu;
static DECLARE_COMPLETION(synced);

static int a_reader(void *arg)
{
	int idx = srcu_read_lock(&a_srcu);

	(void)arg;
	wait_for_completion(&synced);
	srcu_read_unlock(&a_srcu, idx);
	return 0;
}

WEFT_TEST(domains_apart)
{
	struct task_struct *t;

	init_srcu_struct(&a_srcu);
	init_srcu_struct(&b_srcu);
	t = kthread_create(a_reader, NULL, "a_reader");
	get_task_struct(t);
	wake_up_process(t);
	synchronize_srcu(&b_srcu);
	complete(&synced);
	kthread_stop(t);
	put_task_struct(t);
	synchronize_srcu(&a_srcu);
	cleanup_srcu_struct(&a_srcu);
	cleanup_srcu_struct(&b_srcu);
}
