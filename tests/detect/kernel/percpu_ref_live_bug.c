// A submitter checks that the context is not dying and then takes a
// reference with percpu_ref_get, while the owner kills the ref, waits for
// its release and frees the context: between the check and the get the
// count can reach zero.  The get must be percpu_ref_tryget_live
// (percpu_ref_live_ok.c), which fails once the ref is dying.
//! expect: bug refcount
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/percpu-refcount.h>
#include <linux/slab.h>

struct ioctx {
	struct percpu_ref users;
	struct completion released;
	int requests;
};

static struct ioctx *ctx;

static void ioctx_release(struct percpu_ref *ref)
{
	struct ioctx *c = container_of(ref, struct ioctx, users);

	complete(&c->released);
}

static int submitter(void *arg)
{
	(void)arg;
#ifdef OK
	if (percpu_ref_tryget_live(&ctx->users)) {
#else
	if (!percpu_ref_is_dying(&ctx->users)) {
		percpu_ref_get(&ctx->users);
#endif
		WRITE_ONCE(ctx->requests, READ_ONCE(ctx->requests) + 1);
		percpu_ref_put(&ctx->users);
	}
	return 0;
}

WEFT_TEST(submit_races_kill)
{
	struct task_struct *t;

	ctx = kzalloc(sizeof(*ctx), GFP_KERNEL);
	init_completion(&ctx->released);
	if (percpu_ref_init(&ctx->users, ioctx_release, 0, GFP_KERNEL))
		return;
	t = kthread_create(submitter, NULL, "submitter");
	get_task_struct(t);
	wake_up_process(t);
	percpu_ref_kill(&ctx->users);
	wait_for_completion(&ctx->released);
	kthread_stop(t);
	put_task_struct(t);
	percpu_ref_exit(&ctx->users);
	kfree(ctx);
}
