// A request drops the reference it was given twice on its error path
// (once in the error branch, once at the end): the second put takes the
// owner's initial reference.  weft reports it at that put, before the
// kill, where the kernel (counting per processor until the kill) would
// only warn at the kill that the count had fallen to zero or below.
// percpu_ref_put_ok.c drops it once.
//! expect: bug refcount
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/percpu-refcount.h>
#include <linux/slab.h>

struct dev {
	struct percpu_ref ref;
	struct completion gone;
	int errors;
};

static struct dev *d;

static void dev_release(struct percpu_ref *ref)
{
	struct dev *x = container_of(ref, struct dev, ref);

	complete(&x->gone);
}

static int request(void *arg)
{
	(void)arg;
	if (!percpu_ref_tryget_live(&d->ref))
		return 0;
	if (READ_ONCE(d->errors) == 0) {
		WRITE_ONCE(d->errors, 1);
#ifndef OK
		percpu_ref_put(&d->ref);
#endif
	}
	percpu_ref_put(&d->ref);
	return 0;
}

WEFT_TEST(double_put)
{
	struct task_struct *t;

	d = kzalloc(sizeof(*d), GFP_KERNEL);
	init_completion(&d->gone);
	percpu_ref_init(&d->ref, dev_release, 0, GFP_KERNEL);
	t = kthread_create(request, NULL, "request");
	get_task_struct(t);
	wake_up_process(t);
	kthread_stop(t);
	put_task_struct(t);
	percpu_ref_kill(&d->ref);
	wait_for_completion(&d->gone);
	percpu_ref_exit(&d->ref);
	kfree(d);
}
