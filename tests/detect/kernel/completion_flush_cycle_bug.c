// A deadlock through a completion and a flush: the probe work waits for
// `setup_done`, and the setup thread, whose code completes it, first
// flushes the probe work.  The report once said "completion setup_done,
// which nobody has completed" for the worker, and drew no cycle; it now
// names setup as the thread that would complete it and draws
// setup -> kworker/0 -> completion setup_done -> setup.  In the ok twin
// setup completes before it flushes.
//! expect: bug deadlock
//! args: --strategy=dfs
#include <linux/workqueue.h>
#include <linux/completion.h>

static struct work_struct probe_work;
static DECLARE_COMPLETION(setup_done);
static int probed;

static void probe_fn(struct work_struct *w)
{
	(void)w;
	wait_for_completion(&setup_done);
	WRITE_ONCE(probed, 1);
}

static void setup(void *arg)
{
	(void)arg;
#ifdef OK
	complete(&setup_done);
	flush_work(&probe_work);
#else
	flush_work(&probe_work);
	complete(&setup_done);
#endif
}

WEFT_TEST(flush_vs_completion)
{
	weft_thread_t t;

	INIT_WORK(&probe_work, probe_fn);
	schedule_work(&probe_work);
	t = weft_spawn(setup, NULL);
	weft_join(t);
}
