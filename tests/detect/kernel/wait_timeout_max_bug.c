// A wait with a timeout taken for "timed out" when it returns 0, as
// drivers write it (`if (!wait_event_timeout(...)) return -ETIMEDOUT;`,
// the socket loop's `if (!timeo) return -EAGAIN;` around wait_woken).
// With a timeout of 1 jiffy the waker may come late: each times out (a
// real bug).  wait_timeout_max_ok.c waits with MAX_SCHEDULE_TIMEOUT,
// which never times out and whose time left stays MAX in the kernel;
// weft returned 0 ("timed out") for every wait_event*_timeout form and
// wait_var_event_timeout, -EAGAIN for wait_on_bit_timeout and -1 or 0 for
// wait_woken (a helper's probe).
//! expect(we_timeout): bug assertion
//! expect(we_intr_timeout): bug assertion
//! expect(we_killable_timeout): bug assertion
//! expect(we_idle_timeout): bug assertion
//! expect(we_idle_excl_timeout): bug assertion
//! expect(swe_timeout_excl): bug assertion
//! expect(wve_timeout): bug assertion
//! expect(wob_timeout): bug assertion
//! expect(wait_woken_loop): bug assertion
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/swait.h>
#include <linux/wait.h>
#include <linux/wait_bit.h>

#ifdef OK
#define T MAX_SCHEDULE_TIMEOUT
#else
#define T 1
#endif

static DECLARE_WAIT_QUEUE_HEAD(wq);
static DECLARE_SWAIT_QUEUE_HEAD(swq);
static int done;
static unsigned long word = 1;	/* bit 0 set: busy until the waker */

/* The waits run in a kthread, which no user's signal interrupts. */
static void check(long r)
{
	WARN_ON(r <= 0);
#ifdef OK
	WARN_ON(r != MAX_SCHEDULE_TIMEOUT);
#endif
}
static int we(void *a) { (void)a; check(wait_event_timeout(wq, READ_ONCE(done), T)); return 0; }
static int we_intr(void *a) { (void)a; check(wait_event_interruptible_timeout(wq, READ_ONCE(done), T)); return 0; }
static int we_kill(void *a) { (void)a; check(wait_event_killable_timeout(wq, READ_ONCE(done), T)); return 0; }
static int we_idle(void *a) { (void)a; check(wait_event_idle_timeout(wq, READ_ONCE(done), T)); return 0; }
static int we_idle_ex(void *a) { (void)a; check(wait_event_idle_exclusive_timeout(wq, READ_ONCE(done), T)); return 0; }
static int swe(void *a) { (void)a; check(swait_event_timeout_exclusive(swq, READ_ONCE(done), T)); return 0; }
static int wve(void *a) { (void)a; check(wait_var_event_timeout(&done, READ_ONCE(done), T)); return 0; }
static int wob(void *a)
{
	(void)a;
	WARN_ON(wait_on_bit_timeout(&word, 0, TASK_UNINTERRUPTIBLE, T) != 0);
	return 0;
}

/* sk_wait_event's shape: a wake-up for another event first. */
static int woken_loop(void *a)
{
	DEFINE_WAIT_FUNC(wait, woken_wake_function);
	long timeo = T;

	(void)a;
	add_wait_queue(&wq, &wait);
	while (!READ_ONCE(done)) {
		if (!timeo)
			break;
		timeo = wait_woken(&wait, TASK_UNINTERRUPTIBLE, timeo);
	}
	remove_wait_queue(&wq, &wait);
	WARN_ON(!READ_ONCE(done));
	return 0;
}

static void run(int (*fn)(void *))
{
	struct task_struct *t = kthread_create(fn, NULL, "waiter");

	get_task_struct(t);
	wake_up_process(t);
	wake_up(&wq);
	WRITE_ONCE(done, 1);
	wake_up_all(&wq);
	swake_up_all(&swq);
	wake_up_var(&done);
	clear_and_wake_up_bit(0, &word);
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(we_timeout) { run(we); }
WEFT_TEST(we_intr_timeout) { run(we_intr); }
WEFT_TEST(we_killable_timeout) { run(we_kill); }
WEFT_TEST(we_idle_timeout) { run(we_idle); }
WEFT_TEST(we_idle_excl_timeout) { run(we_idle_ex); }
WEFT_TEST(swe_timeout_excl) { run(swe); }
WEFT_TEST(wve_timeout) { run(wve); }
WEFT_TEST(wob_timeout) { run(wob); }
WEFT_TEST(wait_woken_loop) { run(woken_loop); }
