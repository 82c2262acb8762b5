/* src/linux/usig.c - a user's signal to a thread of the test's own.
 *
 * Signals were never sent in the Linux models, so a driver's read that
 * ignored wait_event_interruptible's -ERESTARTSYS and used a reply that
 * was not there was verified (a probe of seed-style programs); FreeBSD's
 * PCATCH sleeps took one already.  Now, where a user thread is about to
 * sleep interruptibly, a signal may come (an explored choice, a step on
 * the thread's task state), once per thread and execution: the kernel
 * keeps a signal pending until the system call returns, so a loop that
 * waits again would be interrupted at once each time, a busy wait weft
 * does not explore; and a later system call of the same thread would not
 * see it.  Killable sleeps take no such signal (only a fatal one ends
 * them).  kthread_stop's signal (TIF_NOTIFY_SIGNAL) is ext_sched.c's. */
#include "lx.h"

/* Per thread: a signal pending (until the thread comes to sleep
 * interruptibly again or begins another interruptible wait), and whether
 * it had its one signal of the execution, under the serial of the thread
 * they belong to: a record a thread left may be another's later, and the
 * serial tells executions apart too, so no reset is needed. */
static struct {
	unsigned char pending, spent;
	uint64_t serial;
} U[WEFT__MAX_THREADS];

/* Thread tid's entry, emptied if another thread had the record. */
static void mine(int tid)
{
	uint64_t serial = weft__thread_serial(tid);

	if (U[tid].serial != serial) {
		U[tid].serial = serial;
		U[tid].pending = U[tid].spent = 0;
	}
}

/* The threads a user's signal can reach: the test's own threads, which
 * stand for user processes in system calls.  Not a kthread (kthreads
 * ignore signals unless allow_signal()), a worker or another daemon of
 * the models, or a callback or handler (which must not sleep anyway). */
static bool signal_target(int id)
{
	const struct weft__lx_thread *me = weft__lx_me();

	return !weft__thread_daemon(id) && !me->task && !me->wq &&
	       !me->atomic_what && !me->hardirq;
}

int weft__lx_signal_maybe(const struct weft_loc *loc)
{
	int id = weft__self();

	if (id < 0)
		return 0;
	mine(id);
	U[id].pending = 0;
	if (U[id].spent || weft__lx_task_notified(id) || !signal_target(id))
		return 0;
	if (!weft__choose_on(2, "a signal comes", weft__lx_task_state_obj(id),
			     loc))
		return 0;
	U[id].pending = U[id].spent = 1;
	return 1;
}

void weft__lx_signal_done(void)
{
	int id = weft__self();

	if (id >= 0) {
		mine(id);
		U[id].pending = 0;
	}
}

bool weft__lx_signal_pending_user(int tid)
{
	if (tid < 0 || tid >= WEFT__MAX_THREADS)
		return false;
	mine(tid);
	return U[tid].pending;
}
