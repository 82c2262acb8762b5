//! expect(onstack_completion): bug use-after-free
//! expect(lock_on_dead_stack): bug use-after-free
/* Kernel objects on the stack of a thread that has finished.  An issuer
 * puts its completion on its stack, hands it to a work, waits with a
 * timeout and returns when the wait times out; the work's complete()
 * then writes into the dead stack (the classic on-stack completion
 * bug).  And a thread leaves a pointer to a mutex on its stack, which
 * another thread locks after it returned.  The models checked the heap
 * only: the first was verified in 56 schedules, and the second crashed
 * weft (the lock's name, read from the reused stack, was a wild pointer).
 * The fixes: cancel_work_sync after the timeout, and a mutex that lives
 * as long as its users (onstack_ok.c). */
#include <weft/linux.h>

struct cmd {
	struct work_struct work;
	struct completion *done;
};

static struct cmd the_cmd;
static int timeouts;

static void cmd_fn(struct work_struct *w)
{
	struct cmd *c = container_of(w, struct cmd, work);

	complete(c->done);
}

static int issuer(void *arg)
{
	DECLARE_COMPLETION_ONSTACK(done);

	(void)arg;
	the_cmd.done = &done;
	INIT_WORK(&the_cmd.work, cmd_fn);
	schedule_work(&the_cmd.work);
	if (!wait_for_completion_timeout(&done, 1)) {
		timeouts++;
#ifdef WEFT_ONSTACK_FIXED
		cancel_work_sync(&the_cmd.work);
#endif
	}
	return 0;
}

WEFT_TEST(onstack_completion)
{
	struct task_struct *t = kthread_create(issuer, NULL, "issuer");
	get_task_struct(t);
	wake_up_process(t);

	kthread_stop(t);
	put_task_struct(t);
	flush_scheduled_work();
}

#ifdef WEFT_ONSTACK_FIXED
static struct mutex shared_lock;
#endif
static struct mutex *lockp;

static int lender(void *arg)
{
#ifdef WEFT_ONSTACK_FIXED
	struct mutex *m = &shared_lock;
#else
	struct mutex stack_lock, *m = &stack_lock;
#endif

	(void)arg;
	mutex_init(m);
	lockp = m;
	return 0;
}

WEFT_TEST(lock_on_dead_stack)
{
	struct task_struct *t = kthread_create(lender, NULL, "lender");
	get_task_struct(t);
	wake_up_process(t);

	int ret = kthread_stop(t);

	put_task_struct(t);
	/* A kthread stopped before it first ran lent nothing. */
	if (ret == -EINTR)
		return;
	mutex_lock(lockp);
	mutex_unlock(lockp);
}
