/* src/linux/ksem.c - the kernel semaphore's interruptible and killable
 * downs: down_interruptible(), down_killable().
 *
 * Since Linux 6.1 kthread_stop() leaves TIF_NOTIFY_SIGNAL pending in the
 * thread it stops (a7c01fa93aeb), so signal_pending() is true there and
 * an interruptible or killable sleep ends.  The kernel's down path
 * (__down_common) takes a count that is there without looking at
 * signals, and otherwise checks signal_pending_state() before each sleep
 * and after each wake-up that brought no count: the wait ends with
 * -EINTR.  A user thread may also take a signal while it waits
 * (weft__lx_signal_maybe, usig.c). */
#include <errno.h>
#include <stdio.h>

#include "lx.h"
#include "sync/sync.h"

/* A count to take, or a stop's signal for the waiter (arg2). */
static bool count_or_signalled(const struct weft__op *op)
{
	return ((const weft_sem_t *)op->obj)->count > 0 ||
	       weft__lx_task_notified((int)op->arg2);
}

static int intr_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "semaphore %s to be upped (or a kthread_stop of "
			 "the waiter)", op->objname);
	return -1;
}

int weft_kx_down_intr(weft_sem_t *s, const char *what,
		      const struct weft_loc *loc)
{
	int self = weft__self();
	struct weft__op op = {
		.name = what, .obj = s,
		/* The stop writes the waiter's task state (kthread.c): the
		 * wait reads it, so the two are ordered against each other. */
		.obj2 = weft__lx_task_state_obj(self), .interruptible = true,
		.objname = s->name ? s->name : weft__objname(s, "semaphore"),
		.access = WEFT__ACC_WRITE, .ready = count_or_signalled,
		.waitdesc = intr_desc, .arg2 = self, .loc = loc };

	weft_might_sleep(what, op.objname, loc);
	weft__sem_wait_begin(s, op.objname, loc);
	/* A user's signal may come while it waits (usig.c): offered
	 * whatever the count is now, as another thread may take it after
	 * the choice's step; a count that is there is taken regardless. */
	(void)weft__lx_signal_maybe(loc);
	weft__visible(&op);
	weft__check_access(s, sizeof *s, true, loc);
	if (s->count <= 0) {
		weft__step_note("interrupted");
		return -EINTR;
	}
	weft__sem_take(s);
	return 0;
}
