// srcu_ok.c broken: the old version freed while a reader may still hold
// it (the writer waits for the wrong srcu_struct), synchronize_srcu
// inside a read section of the same srcu_struct, a call_srcu callback
// that has not run when the test ends, and cleanup_srcu_struct with a
// reader still inside.
//! expect(wrong_domain): bug use-after-free
//! expect(synchronize_in_reader): bug misuse
//! expect(no_barrier): bug leak
//! expect(cleanup_with_reader): bug misuse
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
DEFINE_STATIC_SRCU(other_srcu);

static int reader(void *arg)
{
	int idx = srcu_read_lock(&cfg_srcu);
	struct cfg *c = srcu_dereference(cur, &cfg_srcu);

	(void)arg;
	msleep(1);
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

WEFT_TEST(wrong_domain)
{
	struct task_struct *t;
	struct cfg *old;

	rcu_assign_pointer(cur, make(1));
	t = kthread_run(reader, NULL, "reader");
	old = rcu_dereference_protected(cur, 1);
	rcu_assign_pointer(cur, make(2));
	synchronize_srcu(&other_srcu); /* not the readers' srcu_struct */
	kfree(old);
	kthread_stop(t);
	kfree(rcu_dereference_protected(cur, 1));
}

WEFT_TEST(synchronize_in_reader)
{
	int idx = srcu_read_lock(&cfg_srcu);

	synchronize_srcu(&cfg_srcu);
	srcu_read_unlock(&cfg_srcu, idx);
}

static void free_cfg(struct rcu_head *h)
{
	kfree(container_of(h, struct cfg, rcu));
}

WEFT_TEST(no_barrier)
{
	struct cfg *c = make(1);
	int idx = srcu_read_lock(&cfg_srcu);

	srcu_read_unlock(&cfg_srcu, idx);
	call_srcu(&cfg_srcu, &c->rcu, free_cfg);
	/* missing: srcu_barrier(&cfg_srcu); the callback may not have run */
}

static struct srcu_struct dyn_srcu;
static DECLARE_COMPLETION(inside);
static DECLARE_COMPLETION(done);

static int dyn_reader(void *arg)
{
	int idx = srcu_read_lock(&dyn_srcu);

	(void)arg;
	complete(&inside);
	wait_for_completion(&done);
	srcu_read_unlock(&dyn_srcu, idx);
	return 0;
}

WEFT_TEST(cleanup_with_reader)
{
	struct task_struct *t;

	init_srcu_struct(&dyn_srcu);
	t = kthread_run(dyn_reader, NULL, "dyn_reader");
	wait_for_completion(&inside);
	cleanup_srcu_struct(&dyn_srcu);
	complete(&done);
	kthread_stop(t);
}
