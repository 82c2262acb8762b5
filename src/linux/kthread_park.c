/* src/linux/kthread_park.c - kthread_park, kthread_unpark,
 * kthread_should_park and kthread_parkme.
 *
 * A park request is a flag of the task, set by kthread_park, which then
 * waits until the thread has parked itself (kthread_parkme); a thread
 * that returns instead never completes the park, which waits for ever,
 * as the kernel's does.  The parked thread sleeps until kthread_unpark
 * clears the flag.  Every
 * step names the task, so each wait's readiness changes only in steps on
 * the object it waits on.  kthread_stop of a parked thread unparks it
 * first, as the kernel's does (kthread.c). */
#include <errno.h>
#include <stdio.h>

#include "lx.h"
#include <weft/kthread.h>

static bool parked(const struct weft__op *op)
{
	const struct weft_ktask *t = op->obj;

	return t->parked;
}

static int park_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_ktask *t = op->obj;

	if (t->exited) {
		snprintf(buf, n, "kthread %s to park (kthread_parkme); its "
			 "function returned without parking, and nothing "
			 "else completes a park", t->name);
		return -1;
	}
	snprintf(buf, n, "kthread %s to park (kthread_parkme)", t->name);
	return t->tid;
}

int weft_kthread_park(struct weft_ktask *t, const struct weft_loc *loc)
{
	struct weft__op op = { .name = "kthread_park", .obj = t,
			       .objname = t->name, .access = WEFT__ACC_WRITE,
			       .obj2 = weft__lx_task_state_obj(t->tid),
			       .loc = loc };

	if (weft__lx_me()->task == t)
		weft__fail(WEFT__K(MISUSE), loc,
			   "kthread_park(%s) from the thread itself waits "
			   "for itself", t->name);
	weft_might_sleep("kthread_park", t->name, loc);
	weft__visible(&op);
	weft__lx_task_use(t, "kthread_park", loc);
	/* The kernel's WARN_ON(PF_EXITING). */
	if (t->exited)
		weft__fail(WEFT__K(MISUSE), loc,
			   "kthread_park(%s) of a kthread whose function has "
			   "returned (the kernel warns and returns -ENOSYS)",
			   t->name);
	/* The kernel's WARN_ON_ONCE: a park asked for twice. */
	if (t->should_park)
		weft__fail(WEFT__K(MISUSE), loc,
			   "kthread_park(%s) of a thread already asked to "
			   "park (the kernel warns and returns -EBUSY)",
			   t->name);
	t->should_park = 1;
	/* The kernel wakes the thread so that it sees the request. */
	weft__lx_task_wake(t->tid);
	weft__lx_waitq_kick(t->tid, t->name, loc);
	op.obj2 = NULL;
	op.ready = parked;
	op.waitdesc = park_waitdesc;
	weft__visible(&op);
	return 0;
}

void weft_kthread_unpark(struct weft_ktask *t, const struct weft_loc *loc)
{
	weft__release_point("kthread_unpark", t, t->name, loc);
	t->should_park = 0;
}

int weft_kthread_should_park(const struct weft_loc *loc)
{
	struct weft_ktask *t = weft__lx_me()->task;

	if (!t)
		return 0;
	weft__point("kthread_should_park", t, t->name, WEFT__ACC_READ, loc);
	if (t->should_park)
		return 1;
	/* As kthread_should_stop: a poll that saw nothing new. */
	weft__spun();
	return 0;
}

static bool unparked(const struct weft__op *op)
{
	const struct weft_ktask *t = op->obj;

	return !t->should_park;
}

static int unpark_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_ktask *t = op->obj;

	snprintf(buf, n, "kthread_unpark of %s", t->name);
	return -1;
}

void weft_kthread_parkme(const struct weft_loc *loc)
{
	struct weft_ktask *t = weft__lx_me()->task;
	struct weft__op op = { .name = "kthread_parkme", .obj = t,
			       .access = WEFT__ACC_WRITE, .loc = loc };

	if (!t)
		weft__fail(WEFT__K(MISUSE), loc,
			   "kthread_parkme outside a kthread");
	op.objname = t->name;
	weft__visible(&op);
	if (!t->should_park)
		return;
	t->parked = 1;
	op.ready = unparked;
	op.waitdesc = unpark_waitdesc;
	weft__visible(&op);
	t->parked = 0;
}
