// A completion-like handshake on a simple wait queue (<linux/swait.h>),
// whose waiters are all exclusive: the two workers each wait for the
// go flag, and the starter wakes them with swake_up_all.  The bug twin
// uses swake_up_one, which wakes only the first waiter on the queue: a
// worker that was already asleep sleeps on.
//! expect: verified
//! args: --strategy=dfs
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/swait.h>

static DECLARE_SWAIT_QUEUE_HEAD(go_wait);
static int go;
static struct completion done[2];

static int worker(void *arg)
{
	long me = (long)arg;

	swait_event_idle_exclusive(go_wait, READ_ONCE(go));
	complete(&done[me]);
	return 0;
}

WEFT_TEST(start_two_workers)
{
	struct task_struct *w0, *w1;

	init_completion(&done[0]);
	init_completion(&done[1]);
	w0 = kthread_create(worker, (void *)0L, "worker0");
	get_task_struct(w0);
	wake_up_process(w0);
	w1 = kthread_create(worker, (void *)1L, "worker1");
	get_task_struct(w1);
	wake_up_process(w1);
	WRITE_ONCE(go, 1);
#ifdef SWAIT_BUG
	swake_up_one(&go_wait);
#else
	swake_up_all(&go_wait);
#endif
	wait_for_completion(&done[0]);
	wait_for_completion(&done[1]);
	kthread_stop(w0);
	put_task_struct(w0);
	kthread_stop(w1);
	put_task_struct(w1);
}
