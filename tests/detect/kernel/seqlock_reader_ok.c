// The fixes of seqlock_reader_bug.c: readers that retry, and a reader that
// copies the value it needs out of an object the writer never frees while
// readers may look (the old object is freed after an RCU grace period).
// And a writer in an interrupt handler while process context reads with
// interrupts on: the reader holds nothing, so the handler never waits for
// it (weft's read lock model reported a deadlock here).
//! expect(seqlock_retry_loop): verified
//! expect(seqlock_deref_rcu): verified
//! expect(seqcount_retry_loop): verified
//! expect(seqlock_irq_writer): verified
#include <linux/interrupt.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/seqlock.h>
#include <linux/slab.h>

static DEFINE_SEQLOCK(pos_lock);
static int px, py;

static int writer(void *arg)
{
	(void)arg;
	write_seqlock(&pos_lock);
	px++;
	py++;
	write_sequnlock(&pos_lock);
	return 0;
}

WEFT_TEST(seqlock_retry_loop)
{
	struct task_struct *t = kthread_create(writer, NULL, "writer");
	get_task_struct(t);
	wake_up_process(t);
	unsigned seq;
	int x, y;

	do {
		seq = read_seqbegin(&pos_lock);
		x = px;
		y = py;
	} while (read_seqretry(&pos_lock, seq));
	WARN_ON(x != y);
	kthread_stop(t);
	put_task_struct(t);
}

struct cfg {
	int val;
};
static DEFINE_SEQLOCK(cfg_lock);
static struct cfg __rcu *cur;

static int replacer(void *arg)
{
	struct cfg *old, *nw = kzalloc(sizeof(*nw), GFP_KERNEL);

	(void)arg;
	nw->val = 2;
	write_seqlock(&cfg_lock);
	old = rcu_dereference_protected(cur, 1);
	rcu_assign_pointer(cur, nw);
	write_sequnlock(&cfg_lock);
	synchronize_rcu();
	kfree(old);
	return 0;
}

WEFT_TEST(seqlock_deref_rcu)
{
	struct cfg *c = kzalloc(sizeof(*c), GFP_KERNEL);
	struct task_struct *t;
	unsigned seq;
	int v;

	c->val = 1;
	RCU_INIT_POINTER(cur, c);
	t = kthread_create(replacer, NULL, "replacer");
	get_task_struct(t);
	wake_up_process(t);
	rcu_read_lock();
	do {
		seq = read_seqbegin(&cfg_lock);
		v = rcu_dereference(cur)->val;
	} while (read_seqretry(&cfg_lock, seq));
	rcu_read_unlock();
	WARN_ON(v != 1 && v != 2);
	kthread_stop(t);
	put_task_struct(t);
	kfree(rcu_dereference_protected(cur, 1));
}

static seqcount_t sc = SEQCNT_ZERO(sc);
static DEFINE_SPINLOCK(sc_lock);
static int a, b;

static int sc_writer(void *arg)
{
	(void)arg;
	spin_lock(&sc_lock);
	write_seqcount_begin(&sc);
	a++;
	b++;
	write_seqcount_end(&sc);
	spin_unlock(&sc_lock);
	return 0;
}

WEFT_TEST(seqcount_retry_loop)
{
	struct task_struct *t = kthread_create(sc_writer, NULL, "writer");
	get_task_struct(t);
	wake_up_process(t);
	unsigned seq;
	int x, y;

	do {
		seq = read_seqcount_begin(&sc);
		x = a;
		y = b;
	} while (read_seqcount_retry(&sc, seq));
	WARN_ON(x != y);
	kthread_stop(t);
	put_task_struct(t);
}

static DEFINE_SEQLOCK(stat_lock);
static unsigned long rx, tx;

static irqreturn_t stat_irq(int irq, void *dev)
{
	(void)irq;
	(void)dev;
	write_seqlock(&stat_lock);
	rx++;
	tx++;
	write_sequnlock(&stat_lock);
	return IRQ_HANDLED;
}

WEFT_TEST(seqlock_irq_writer)
{
	unsigned long r, t;
	unsigned seq;

	request_irq(9, stat_irq, 0, "stat", NULL);
	weft_raise_irq(9);
	do {
		seq = read_seqbegin(&stat_lock);
		r = rx;
		t = tx;
	} while (read_seqretry(&stat_lock, seq));
	WARN_ON(r != t);
	free_irq(9, NULL);
}
