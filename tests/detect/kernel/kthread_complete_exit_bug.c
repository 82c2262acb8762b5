// A firmware loader runs in a kthread that signals its end on a
// completion, and the module's exit waits for the completion before the
// module's code goes away.  The buggy loader calls complete() and then
// returns: it still runs after the completion, in code the unload frees
// (the kernel's reason for kthread_complete_and_exit, Linux 5.17), so the
// thread is still running when the test ends.  kthread_complete_exit_ok.c
// signals and exits in one call.  exit_code checks that kthread_exit,
// called deep in the function, ends it with its code, which kthread_stop
// returns (or -EINTR, when the stop came before the
// function ran).  weft had neither call (a probe of Linux driver code).
//! expect(loader_unload): bug leak
//! expect(exit_code): verified
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>

static DECLARE_COMPLETION(loader_done);
static int fw_loaded;

static int loader(void *arg)
{
	(void)arg;
	WRITE_ONCE(fw_loaded, 1);
#ifdef FIXED
	kthread_complete_and_exit(&loader_done, 0);
#else
	complete(&loader_done);
	return 0;
#endif
}

WEFT_TEST(loader_unload)
{
	kthread_run(loader, NULL, "fw_loader");
	/* module_exit: */
	wait_for_completion(&loader_done);
	WARN_ON(!READ_ONCE(fw_loaded));
}

static void give_up(void)
{
	kthread_exit(-EAGAIN);
}

static int retrier(void *arg)
{
	(void)arg;
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	give_up();
	return 0; /* never reached */
}

WEFT_TEST(exit_code)
{
	struct task_struct *t = kthread_run(retrier, NULL, "retrier");
	int r = kthread_stop(t);

	/* -EINTR: stopped before its function ever ran. */
	WARN_ON(r != -EAGAIN && r != -EINTR);
}
