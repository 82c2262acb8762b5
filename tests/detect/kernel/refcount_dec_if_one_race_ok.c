// Two threads race refcount_dec_if_one on a count of 1: one wins, the
// other finds 0 and leaves it, without a warning (a compare-exchange).
// weft called the loser's 0 an underflow (a helper's probe).
//! expect: verified
#include <linux/kthread.h>
#include <linux/refcount.h>
#include <linux/slab.h>
#include <linux/completion.h>
struct obj { refcount_t ref; int x; };
static struct obj *o;
static atomic_t wins = ATOMIC_INIT(0);
static int racer(void *arg)
{
	(void)arg;
	if (refcount_dec_if_one(&o->ref))
		atomic_inc(&wins);
	return 0;
}
WEFT_TEST(refone)
{
	refcount_t r;
	struct task_struct *t;
	refcount_set(&r, 2);
	BUG_ON(refcount_dec_if_one(&r));
	BUG_ON(refcount_read(&r) != 2);
	refcount_set(&r, 1);
	BUG_ON(!refcount_dec_if_one(&r));
	BUG_ON(refcount_read(&r) != 0);

	o = kzalloc(sizeof(*o), GFP_KERNEL);
	refcount_set(&o->ref, 1);
	t = kthread_create(racer, NULL, "r");
	get_task_struct(t);
	wake_up_process(t);
	if (refcount_dec_if_one(&o->ref))
		atomic_inc(&wins);
	kthread_stop(t);
	put_task_struct(t);
	BUG_ON(atomic_read(&wins) != 1);
	kfree(o);
}
