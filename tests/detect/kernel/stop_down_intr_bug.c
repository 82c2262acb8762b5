// down_interruptible() and down_killable() end with -EINTR when the
// caller has a signal pending and no count is there: since Linux 6.1 a
// kthread_stop() of the caller is such a signal (TIF_NOTIFY_SIGNAL).  The
// worker here ignores the result, as code written for an unsignalled
// kthread often does, and reads the data the semaphore guards while the
// holder writes it: a data race, once the stop has ended its wait.  weft
// took the semaphore for it in every schedule (signals never arrived),
// and the program came out verified.  stop_down_intr_ok.c leaves when
// the down fails.  A second case: the holder stops the reader while
// holding the semaphore.  weft reported that as a deadlock even in the
// correct twin (the reader waited for the count for ever); on 6.1+ the
// reader's down ends, and here its up() then adds a count it never took,
// so two trylocks succeed afterwards (WARN_ON).
//! expect(ignored_eintr): bug data-race
//! expect(stop_while_holding): bug assertion
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/semaphore.h>

static DEFINE_SEMAPHORE(sem, 1);
static int data;

static int reader(void *arg)
{
	int r;

	(void)arg;
#ifdef OK
	if (down_interruptible(&sem))
		return -EINTR;
#else
	(void)down_killable(&sem);
#endif
	r = data;
	up(&sem);
	return r;
}

static int holder(void *arg)
{
	(void)arg;
	down(&sem);
	data = 1;
	msleep(10);
	data = 2;
	up(&sem);
	return 0;
}

static struct task_struct *start(int (*fn)(void *), const char *name)
{
	struct task_struct *t = kthread_create(fn, NULL, name);

	get_task_struct(t);
	wake_up_process(t);
	return t;
}

WEFT_TEST(ignored_eintr)
{
	struct task_struct *h = start(holder, "holder");
	struct task_struct *r = start(reader, "reader");

	kthread_stop(r);
	put_task_struct(r);
	kthread_stop(h);
	put_task_struct(h);
}

WEFT_TEST(stop_while_holding)
{
	struct task_struct *r;

	down(&sem);
	r = start(reader, "reader");
	data = 3;
	kthread_stop(r);
	put_task_struct(r);
	data = 4;
	up(&sem);
	/* One count, as at the start: a second trylock must fail.  The
	 * reader's up() after its failed down gave a count it never had. */
	WARN_ON(!down_trylock(&sem) && !down_trylock(&sem));
}
