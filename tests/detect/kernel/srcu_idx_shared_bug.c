// A per-file SRCU index kept in the shared file struct: two readers of one
// file overwrite each other's index, so one unlocks with the other's (in
// the kernel this unbalances the srcu counters: a grace period may end
// with a reader still inside, or never end).  Verified before the unlock's
// index was compared with its section's (a probe of kernel driver
// patterns).  srcu_idx_shared_ok.c keeps idx on the stack.
//! expect: bug misuse
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/srcu.h>

DEFINE_STATIC_SRCU(s);
struct file_state { struct mutex lock; int idx; };
static struct file_state fs;
struct cfg { int v; };
static struct cfg __rcu *cur;

static void reader(void *arg)
{
	struct cfg *c;
	int idx;
	(void)arg;
#ifndef OK
	mutex_lock(&fs.lock);
	fs.idx = srcu_read_lock(&s);
	mutex_unlock(&fs.lock);
#else
	idx = srcu_read_lock(&s);
#endif
	c = srcu_dereference(cur, &s);
	if (c)
		WARN_ON(c->v != 1 && c->v != 2);
#ifndef OK
	mutex_lock(&fs.lock);
	idx = fs.idx;
	mutex_unlock(&fs.lock);
#endif
	srcu_read_unlock(&s, idx);
}

WEFT_TEST(srcu_idx_shared)
{
	struct cfg *a = kzalloc(sizeof(*a), GFP_KERNEL);
	struct cfg *b = kzalloc(sizeof(*b), GFP_KERNEL);

	mutex_init(&fs.lock);
	a->v = 1;
	b->v = 2;
	rcu_assign_pointer(cur, a);
	weft_thread_t t1 = weft_spawn(reader, NULL);
	weft_thread_t t2 = weft_spawn(reader, NULL);
	rcu_assign_pointer(cur, b);
	synchronize_srcu(&s);
	kfree(a);
	weft_join(t1);
	weft_join(t2);
	kfree(b);
}
