// A waiter woken by a wake_up (which takes its DEFINE_WAIT entry off the
// queue) calls finish_wait after the queue's owner freed it: the kernel's
// finish_wait touches the queue only while the entry is on it.  weft
// always wrote the queue (a helper's probe): a false use-after-free.
//! expect: verified
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/wait.h>
struct obj { wait_queue_head_t wq; int pad; };
static DECLARE_COMPLETION(queued);

static int waiter(void *arg)
{
	struct obj *p = arg;
	DEFINE_WAIT(w);
	prepare_to_wait(&p->wq, &w, TASK_UNINTERRUPTIBLE);
	complete(&queued);
	schedule();
	finish_wait(&p->wq, &w);
	return 0;
}

WEFT_TEST(autoremove)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);
	struct task_struct *t;
	init_waitqueue_head(&o->wq);
	t = kthread_create(waiter, o, "w");
	get_task_struct(t);
	wake_up_process(t);
	wait_for_completion(&queued);
	wake_up(&o->wq);
	kfree(o);
	kthread_stop(t);
	put_task_struct(t);
}
