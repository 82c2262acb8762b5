//! expect(plain_read_of_rcu_pointer): bug data-race
//! expect(plain_publish_of_rcu_pointer): bug data-race
//! expect(plain_walk_of_rcu_list): bug data-race
//! expect(nonatomic_bit_beside_atomic): bug assertion
//! expect(plain_read_of_atomic): bug data-race
/* A plain access to memory that a model accesses atomically: a pointer
 * read without rcu_dereference against rcu_assign_pointer, one published
 * with a plain store against rcu_dereference, an RCU list walked with
 * the plain iterator while a writer adds with list_add_rcu, __set_bit
 * beside set_bit on the same word (a lost update), and an atomic_t's
 * counter read plainly beside atomic_inc.  The models made the atomic
 * side in the library, where the race detector never saw it, and the
 * plain side was never a scheduling point: each was verified in a few
 * schedules, while random and PCT found the lost bit.  The fixes use the
 * marked accesses throughout (model_plain_ok.c). */
#include <weft/linux.h>

struct cfg {
	int v;
	struct list_head node;
};

static struct cfg *gp;
static LIST_HEAD(cfgs);
static unsigned long flags;
static atomic_t hits = ATOMIC_INIT(0);
static struct cfg the_cfg;
int model_plain_seen; /* not static: the reads must stay */

static int reader(void *arg)
{
	struct cfg *c;

	(void)arg;
	rcu_read_lock();
#ifdef WEFT_MODEL_PLAIN_FIXED
	c = rcu_dereference(gp);
#else
	c = gp;
#endif
	if (c)
		model_plain_seen = c->v;
	rcu_read_unlock();
	return 0;
}

static void publish(void)
{
	the_cfg.v = 1;
#ifdef WEFT_MODEL_PLAIN_FIXED
	rcu_assign_pointer(gp, &the_cfg);
#else
	gp = &the_cfg;
#endif
}

WEFT_TEST(plain_read_of_rcu_pointer)
{
	struct task_struct *t = kthread_create(reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);

	the_cfg.v = 1;
	rcu_assign_pointer(gp, &the_cfg);
	kthread_stop(t);
	put_task_struct(t);
}

static int deref_reader(void *arg)
{
	struct cfg *c;

	(void)arg;
	rcu_read_lock();
	c = rcu_dereference(gp);
	if (c)
		model_plain_seen = c->v;
	rcu_read_unlock();
	return 0;
}

WEFT_TEST(plain_publish_of_rcu_pointer)
{
	struct task_struct *t = kthread_create(deref_reader, NULL, "reader");
	get_task_struct(t);
	wake_up_process(t);

	publish();
	kthread_stop(t);
	put_task_struct(t);
}

static int walker(void *arg)
{
	struct cfg *c;
	int n = 0;

	(void)arg;
	rcu_read_lock();
#ifdef WEFT_MODEL_PLAIN_FIXED
	list_for_each_entry_rcu(c, &cfgs, node)
		n += c->v;
#else
	list_for_each_entry(c, &cfgs, node)
		n += c->v;
#endif
	rcu_read_unlock();
	return n;
}

WEFT_TEST(plain_walk_of_rcu_list)
{
	struct task_struct *t = kthread_create(walker, NULL, "walker");
	get_task_struct(t);
	wake_up_process(t);

	the_cfg.v = 1;
	list_add_rcu(&the_cfg.node, &cfgs);
	kthread_stop(t);
	put_task_struct(t);
}

static int bitter(void *arg)
{
	(void)arg;
#ifdef WEFT_MODEL_PLAIN_FIXED
	set_bit(1, &flags);
#else
	__set_bit(1, &flags);
#endif
	return 0;
}

WEFT_TEST(nonatomic_bit_beside_atomic)
{
	struct task_struct *t = kthread_create(bitter, NULL, "bitter");
	get_task_struct(t);
	wake_up_process(t);

	int ran;

	set_bit(0, &flags);
	/* A kthread stopped before it first ran set no bit. */
	ran = kthread_stop(t) != -EINTR;
	put_task_struct(t);
	WARN_ON(!test_bit(0, &flags));
	WARN_ON(test_bit(1, &flags) != ran);
}

static int counter(void *arg)
{
	(void)arg;
	atomic_inc(&hits);
	return 0;
}

WEFT_TEST(plain_read_of_atomic)
{
	struct task_struct *t = kthread_create(counter, NULL, "counter");
	get_task_struct(t);
	wake_up_process(t);
	int n;

#ifdef WEFT_MODEL_PLAIN_FIXED
	n = atomic_read(&hits);
#else
	n = hits.counter;
#endif
	kthread_stop(t);
	put_task_struct(t);
	WARN_ON(n > 1);
}
