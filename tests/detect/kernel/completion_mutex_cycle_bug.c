// A deadlock through a completion: the remover waits for `done` holding
// m, and the finisher, whose code completes `done`, first takes m.  The
// report once said only "completion done, which nobody has completed",
// with no cycle; it now names finisher as the thread that would complete
// it (its code calls complete(&done)) and draws the cycle
// remover -> completion done -> finisher -> remover.  The text is pinned by
// tests/golden/completion_mutex_cycle.c; in the ok twin the remover waits
// before it takes m.
//! expect: bug deadlock
//! args: --strategy=dfs
#include <linux/mutex.h>
#include <linux/completion.h>
#include <linux/kthread.h>

static DEFINE_MUTEX(m);
static DECLARE_COMPLETION(done);
static int state;

static int finisher(void *arg)
{
	(void)arg;
	mutex_lock(&m);
	state = 1;
	mutex_unlock(&m);
	complete(&done);
	return 0;
}

WEFT_TEST(wait_under_mutex)
{
	struct task_struct *t = kthread_create(finisher, NULL, "finisher");

	get_task_struct(t);
	wake_up_process(t);
#ifdef OK
	wait_for_completion(&done);
	mutex_lock(&m);
#else
	mutex_lock(&m);
	wait_for_completion(&done);
#endif
	state = 2;
	mutex_unlock(&m);
	kthread_stop(t);
	put_task_struct(t);
}
