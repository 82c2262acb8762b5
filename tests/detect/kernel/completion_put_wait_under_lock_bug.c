// The kobject_put(); wait_for_completion(&kobj_unregister) pattern under a
// mutex: the last reference's release completes 'released', and the
// remover, holding m, drops its reference and waits for the release.  In
// the ok twin nobody else takes m: when the user drops the last
// reference the remover's wait under m is m -> released, and when the
// remover drops it, its own complete() under m is released -> m, but
// both edges are the remover's (in different executions), and its own
// complete is never what its wait blocks on: weft reported a lock-order
// cycle (a probe's).  Here the user takes m before it drops its
// reference (a handshake keeps this run from hanging), so its complete
// needs m while the remover may wait under m: a real cycle, reported
// whichever thread was last in the execution that closed it.
//! expect: bug lock-order
//! args: --strategy=dfs
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/kref.h>
#include <linux/slab.h>
#include <linux/kthread.h>

static DEFINE_MUTEX(m);

struct obj {
	struct kref ref;
	struct completion released;
	struct completion passed;
	int state;
};

static void rel(struct kref *k)
{
	complete(&container_of(k, struct obj, ref)->released);
}

static int user(void *arg)
{
	struct obj *o = arg;

#ifndef FIXED
	mutex_lock(&m);
	o->state++;
	mutex_unlock(&m);
#endif
	complete(&o->passed);
	kref_put(&o->ref, rel);
	return 0;
}

WEFT_TEST(put_then_wait_under_mutex)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	struct task_struct *t;

	kref_init(&o->ref);
	init_completion(&o->released);
	init_completion(&o->passed);
	kref_get(&o->ref);
	t = kthread_create(user, o, "user");
	get_task_struct(t);
	wake_up_process(t);
#ifndef FIXED
	wait_for_completion(&o->passed); /* the user is past m */
#endif
	mutex_lock(&m);
	o->state++;
	kref_put(&o->ref, rel);
	wait_for_completion(&o->released);
	mutex_unlock(&m);
	kthread_stop(t);
	put_task_struct(t);
	kfree(o);
}
