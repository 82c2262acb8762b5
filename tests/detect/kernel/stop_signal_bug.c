// Since Linux 6.1, kthread_stop leaves a signal pending for the thread
// (TIF_NOTIFY_SIGNAL: "signal: break out of wait loops on
// kthread_stop()"), so its interruptible sleeps end: schedule() in
// TASK_INTERRUPTIBLE returns at once, wait_event_interruptible and
// wait_for_completion_interruptible (and their timed forms) return
// -ERESTARTSYS, msleep_interruptible returns early.  A timed wait of
// MAX_SCHEDULE_TIMEOUT waits for ever, as the kernel's does.  In
// stop_signal_ok.c each thread sleeps interruptibly and ends when
// stopped, even where it checks kthread_should_stop() before it sets its
// state (the stop's wake-up then finds it running).  weft reported all
// three as deadlocks.  Here each sleeps uninterruptibly, which no signal
// ends: the stop that comes between the thread's check and its sleep
// waits for ever, as on every kernel.
//! expect(check_then_sleep): bug deadlock
//! expect(wait_event_no_stop): bug deadlock
//! expect(completion_no_stop): bug deadlock
//! expect(timed_wait_no_stop): bug deadlock
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/wait.h>

#ifdef OK
#define SLEEP_STATE TASK_INTERRUPTIBLE
#define WAIT_EVENT(q, c) ((void)wait_event_interruptible(q, c))
#define WAIT_COMPLETION(c) ((void)wait_for_completion_interruptible(c))
#define WAIT_COMPLETION_TIMED(c, t)                                           \
	((void)wait_for_completion_interruptible_timeout(c, t))
#else
#define SLEEP_STATE TASK_UNINTERRUPTIBLE
#define WAIT_EVENT(q, c) wait_event(q, c)
#define WAIT_COMPLETION(c) wait_for_completion(c)
#define WAIT_COMPLETION_TIMED(c, t) ((void)wait_for_completion_timeout(c, t))
#endif

/* The stop check comes before the state is set. */
static int checker(void *arg)
{
	(void)arg;
	while (!kthread_should_stop()) {
		set_current_state(SLEEP_STATE);
		schedule();
	}
	return 0;
}

static struct task_struct *start(int (*fn)(void *), const char *name)
{
	struct task_struct *t = kthread_create(fn, NULL, name);

	get_task_struct(t);
	wake_up_process(t);
	return t;
}

WEFT_TEST(check_then_sleep)
{
	struct task_struct *t = start(checker, "checker");

	kthread_stop(t);
	put_task_struct(t);
}

static DECLARE_WAIT_QUEUE_HEAD(jobs_wq);
static int jobs;

/* The wait's condition leaves the stop out. */
static int poller(void *arg)
{
	(void)arg;
	while (!kthread_should_stop()) {
		WAIT_EVENT(jobs_wq, READ_ONCE(jobs));
		WRITE_ONCE(jobs, 0);
	}
	return 0;
}

WEFT_TEST(wait_event_no_stop)
{
	struct task_struct *t = start(poller, "poller");

	kthread_stop(t);
	put_task_struct(t);
}

static DECLARE_COMPLETION(request);

static int server(void *arg)
{
	(void)arg;
	while (!kthread_should_stop())
		WAIT_COMPLETION(&request);
	return 0;
}

WEFT_TEST(completion_no_stop)
{
	struct task_struct *t = start(server, "server");

	kthread_stop(t);
	put_task_struct(t);
}

/* A timed wait without end (MAX_SCHEDULE_TIMEOUT, which weft timed out
 * once the clock had gone far enough: a false verified of the
 * uninterruptible form). */
static int timed_server(void *arg)
{
	(void)arg;
	while (!kthread_should_stop())
		WAIT_COMPLETION_TIMED(&request, MAX_SCHEDULE_TIMEOUT);
	return 0;
}

WEFT_TEST(timed_wait_no_stop)
{
	struct task_struct *t = start(timed_server, "server");

	kthread_stop(t);
	put_task_struct(t);
}
