// A kthread returns inside a read section (an error path that forgot
// rcu_read_unlock, or srcu_read_unlock): lockdep's "lock held when
// returning" at do_exit.  weft reported it for a spinlock and for a work
// function, but verified it for a kthread and the test body (a helper's
// probe).  The correct twin leaves both sections.
//! expect(rcu_leak): bug misuse
//! expect(srcu_leak): bug misuse
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/rcupdate.h>
#include <linux/srcu.h>

struct cfg {
	int v;
};
static struct cfg __rcu *gp;
static DECLARE_COMPLETION(done);
static int seen;
DEFINE_STATIC_SRCU(s);

static int rcu_reader(void *arg)
{
	struct cfg *p;

	(void)arg;
	rcu_read_lock();
	p = rcu_dereference(gp);
	if (!p) {
#ifdef OK
		rcu_read_unlock();
#endif
		complete(&done);
		return -ENOENT;
	}
	seen = p->v;
	rcu_read_unlock();
	complete(&done);
	return 0;
}

static int srcu_reader(void *arg)
{
	int idx;

	(void)arg;
	idx = srcu_read_lock(&s);
#ifdef OK
	srcu_read_unlock(&s, idx);
#else
	(void)idx;
#endif
	complete(&done);
	return 0;
}

static void run(int (*fn)(void *))
{
	struct task_struct *t = kthread_create(fn, NULL, "reader");

	get_task_struct(t);
	wake_up_process(t);
	wait_for_completion(&done);
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(rcu_leak)
{
	run(rcu_reader);
}

WEFT_TEST(srcu_leak)
{
	run(srcu_reader);
}
