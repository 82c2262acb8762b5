/* src/linux/completion.c - completions.
 *
 * The count lives in the object, so waiting is readiness on the
 * completion alone.  A timed wait arms an event on the virtual clock; when
 * ksoftirqd fires it, it marks the waiter timed out in a step on the
 * completion itself, so the waiter's readiness still reads only state that
 * steps on the completion change. */
#include <limits.h>
#include <stdio.h>

#include "lx.h"

static const char *cname(const struct weft_completion *c)
{
	return c->name ? c->name : "completion";
}

static int cclass(struct weft_completion *c)
{
	if (!c->cls)
		c->cls = weft__class(weft__class_key_for(c, c->init),
				     cname(c)) + 1;
	return c->cls - 1;
}

/* The kind of object a completion is for the frame records (an on-stack
 * completion used after its function returned). */
const char weft__lx_completion_kind;

/* Every model step checks the completion's memory: the heap, and a
 * frame that has returned. */
static void use(struct weft_completion *c, bool write,
		const struct weft_loc *loc)
{
	weft__check_access(c, sizeof *c, write, loc);
	weft__frame_obj_use(c, &weft__lx_completion_kind, write, loc);
}

/* The same after a step on c, which the race detector is told of too: an
 * atomic access of c's first byte, which a racing init_completion's
 * plain store of c (obj_init.c) conflicts with. */
static void stepped(struct weft_completion *c, bool write,
		    const struct weft_loc *loc)
{
	use(c, write, loc);
	weft__race_model_access(c, 1, write, loc);
}

static int completion_waitdesc(const struct weft__op *op, char *buf, size_t n);

/* A thread other than the caller asleep in a wait for c (its pending step
 * is a wait on c, which has no count for it), or -1. */
static int sleeper(const struct weft_completion *c)
{
	for (int t = 0; t < weft__nthreads(); t++) {
		const struct weft__op *p = weft__thread_pending(t);

		if (t != weft__self() && !weft__thread_done(t) && p &&
		    p->obj == c && p->waitdesc == completion_waitdesc &&
		    p->ready && !p->ready(p))
			return t;
	}
	return -1;
}

void weft_completion_init(struct weft_completion *c, const char *name,
			  const struct weft_loc *loc)
{
	int t;

	/* A waiter that is merely woken (its count is there) is off the
	 * kernel's wait list already, and finds the reset count as a waiter
	 * that came after the init would: only a sleeper is lost. */
	if (weft__lx_init_step("init_completion", c, sizeof *c,
			       name ? name : "completion",
			       (uintptr_t)__builtin_return_address(0), loc) &&
	    (t = sleeper(c)) >= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "init_completion(%s) while %s waits for it (%s at "
			   "%s): the wait list is reset under the sleeper, "
			   "which no complete() wakes any more; "
			   "reinit_completion resets the count alone",
			   name ? name : "completion", weft__lx_tname(t),
			   weft__thread_pending(t)->name,
			   weft__lx_site(weft__thread_pending(t)->loc));
	*c = (struct weft_completion)WEFT_COMPLETION_INIT(name);
	c->init = loc;
	weft__frame_obj_init(c, sizeof *c, &weft__lx_completion_kind, NULL,
			     loc);
}

void weft_completion_reinit(struct weft_completion *c,
			    const struct weft_loc *loc)
{
	use(c, true, loc);
	weft__point("reinit_completion", c, cname(c), WEFT__ACC_WRITE, loc);
	stepped(c, true, loc);
	c->done = 0;
	c->consumed++; /* a pending wait can no longer count on old counts */
	c->reset = loc;
}

void weft_complete(struct weft_completion *c, int all,
		   const struct weft_loc *loc)
{
	use(c, true, loc);
	weft__lx_event_edges(cclass(c), loc);
	/* Not a release: a wait it enables may also be enabled by an earlier
	 * complete (the count), so the wait may move before it. */
	weft__point(all ? "complete_all" : "complete", c, cname(c),
		    WEFT__ACC_WRITE, loc);
	stepped(c, true, loc);
	if (all)
		c->done = UINT_MAX;
	else if (c->done != UINT_MAX)
		c->done++;
	c->completer = weft__self() + 1;
	c->completed = loc;
	c->reset = NULL;
}

static bool done_ready(const struct weft__op *op)
{
	const struct weft_completion *c = op->obj;
	return c->done > 0;
}

static bool done_or_timeout(const struct weft__op *op)
{
	const struct weft_completion *c = op->obj;
	const struct weft__lx_thread *t = &weft__lx_th[op->arg2];
	return c->done > 0 || (t->tw_fired && t->tw_obj == c);
}

static int completion_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_completion *c = op->obj;

	if (c->reset && c->completed)
		snprintf(buf, n, "completion %s (reinit_completion at %s "
			 "reset its count after %s completed it at %s)",
			 cname(c), weft__lx_site(c->reset),
			 weft__lx_tname(c->completer - 1),
			 weft__lx_site(c->completed));
	else if (c->completed)
		snprintf(buf, n, "completion %s (its count is used up; last "
			 "completed by %s at %s)", cname(c),
			 weft__lx_tname(c->completer - 1), weft__lx_site(c->completed));
	else
		snprintf(buf, n, "completion %s, which nobody has completed",
			 cname(c));
	weft__lx_waker("complete", "completion", cname(c), buf, n);
	return -1;
}

static void consume(struct weft_completion *c)
{
	if (c->done != UINT_MAX)
		c->done--;
	c->consumed++;
}

/* The lock-order side of a wait, in two halves around its scheduling
 * point.  Waiting for C while holding L is the edge L -> C, to be closed
 * into a cycle by a completer that takes L before complete(C).  A thread
 * that completed C itself and then waits for it while its own count is
 * still there cannot be kept waiting by any other completer, so its wait
 * adds no edge: otherwise its own complete() under L (C -> L) and the
 * wait (L -> C) would be a cycle for a schedule that cannot hang.  Should
 * another thread consume the count before the wait's step, the wait did
 * depend on other completers, and the edge is added after the step (a
 * cycle is still reported from this execution; a wait that never returns
 * is a deadlock of its own).  Returns the generation to pass to
 * wait_edge_after, or 0 when the edge was added already. */
static unsigned int wait_edge_before(struct weft_completion *c,
				     const struct weft_loc *loc)
{
	if (c->done > 0 && c->completer == weft__self() + 1)
		return c->consumed + 1;
	weft__wait_on_class(cclass(c), loc);
	return 0;
}

static void wait_edge_after(struct weft_completion *c, unsigned int gen,
			    const struct weft_loc *loc)
{
	if (gen && c->consumed + 1 != gen)
		weft__wait_on_class(cclass(c), loc);
}

/* Done, or a signal is pending for the waiter (thread arg2): the stop
 * that makes it so steps on the waiter's task state, which the wait
 * names as its second object. */
static bool done_or_signalled(const struct weft__op *op)
{
	return done_ready(op) || weft__lx_task_notified((int)op->arg2);
}

/* The untimed waits; intr: an interruptible one, which a pending signal
 * ends with -ERESTARTSYS, the count left for another.  0 when done. */
static int untimed_wait(struct weft_completion *c, bool intr,
			const struct weft_loc *loc)
{
	int self = weft__self();
	struct weft__op op = {
		.name = intr ? "wait_for_completion_interruptible"
			     : "wait_for_completion",
		.obj = c, .obj2 = intr ? weft__lx_task_state_obj(self) : NULL,
		.interruptible = intr,
		.objname = cname(c), .access = WEFT__ACC_WRITE,
		.ready = intr ? done_or_signalled : done_ready, .arg2 = self,
		.waitdesc = completion_waitdesc, .loc = loc };
	unsigned int gen;

	use(c, true, loc);
	weft_might_sleep(op.name, cname(c), loc);
	gen = wait_edge_before(c, loc);
	/* A user's signal may come while it waits (usig.c): offered
	 * whether or not it is done now, as another waiter may take the
	 * count after the choice's step; a count that is there is taken
	 * regardless. */
	if (intr)
		(void)weft__lx_signal_maybe(loc);
	weft__visible(&op);
	stepped(c, true, loc);
	if (!c->done) {
		weft__step_note("interrupted");
		return -LX_ERESTARTSYS;
	}
	wait_edge_after(c, gen, loc);
	consume(c);
	return 0;
}

void weft_wait_for_completion(struct weft_completion *c,
			      const struct weft_loc *loc)
{
	(void)untimed_wait(c, false, loc);
}

int weft_wait_for_completion_intr(struct weft_completion *c,
				  const struct weft_loc *loc)
{
	return untimed_wait(c, true, loc);
}

/* Done, timed out, or (intr) a signal is pending for the waiter. */
static bool done_timeout_or_signalled(const struct weft__op *op)
{
	return done_or_timeout(op) || weft__lx_task_notified((int)op->arg2);
}

/* The timed waits; intr: an interruptible one, which a pending signal
 * ends with -ERESTARTSYS, the stop that makes it pending stepping on the
 * task state the wait names as its second object. */
static long timed_wait(struct weft_completion *c, unsigned long timeout,
		       bool intr, const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();
	const char *name = intr ? "wait_for_completion_interruptible_timeout"
				: "wait_for_completion_timeout";
	struct weft__op op = { .name = name, .obj = c,
			       .obj2 = &weft__lx_dom, .objname = cname(c),
			       .access = WEFT__ACC_WRITE, .loc = loc };
	unsigned long deadline;
	unsigned int gen;
	bool got, broken;

	if (intr)
		weft__lx_signal_done();
	use(c, true, loc);
	if (!timeout)
		return weft_try_wait_for_completion(c, loc) ? 1 : 0;
	/* MAX_SCHEDULE_TIMEOUT: no timeout at all (schedule_timeout's
	 * schedule()), and the time left stays MAX, as the kernel's. */
	if (timeout >= LONG_MAX) {
		if (intr)
			return weft_wait_for_completion_intr(c, loc) ?: LONG_MAX;
		weft_wait_for_completion(c, loc);
		return LONG_MAX;
	}
	weft_might_sleep(name, cname(c), loc);
	/* No lock-order edge: a timed wait gives up, as a timed lock does
	 * (lockorder.c), so a cycle through it hangs nothing.  A mutex held
	 * across the wait that the completer takes was a lock-order bug
	 * (found by a probe of kernel deadlocks); a wait that always times
	 * out is a bug the program's own checks see. */
	gen = 0;
	/* Done already: the count taken without a sleep, and the timeout,
	 * never armed, is the time left (do_wait_for_common checks done
	 * before schedule_timeout).  Otherwise arm the timeout on the
	 * clock ... */
	weft__visible(&op);
	stepped(c, true, loc);
	if (c->done) {
		consume(c);
		return (long)timeout;
	}
	deadline = weft__lx_now() + timeout;
	me->tw_obj = c;
	me->tw_gen++;
	me->tw_fired = 0;
	me->sleep_ev.gen = me->tw_gen;
	weft__lx_ev_arm(&me->sleep_ev, LX_EV_TWAIT, deadline, c, loc);
	weft__lx_clock_need_thread(loc);
	/* ... wait for whichever comes first ... */
	op = (struct weft__op){ .name = name,
				.obj = c, .objname = cname(c),
				.obj2 = intr ? weft__lx_task_state_obj(weft__self())
					     : NULL,
				.interruptible = intr,
				.access = WEFT__ACC_WRITE,
				.ready = intr ? done_timeout_or_signalled
					      : done_or_timeout,
				.waitdesc = completion_waitdesc,
				.arg2 = weft__self(), .loc = loc };
	if (intr)
		(void)weft__lx_signal_maybe(loc);
	weft__visible(&op);
	stepped(c, true, loc);
	wait_edge_after(c, gen, loc);
	got = c->done > 0;
	broken = !got && intr && !me->tw_fired &&
		 weft__lx_task_notified(weft__self());
	if (got)
		consume(c);
	me->tw_obj = NULL;
	weft__step_note(got ? "done" : broken ? "interrupted" : "timed out");
	/* ... and stop the timeout if it has not fired. */
	if (me->sleep_ev.armed) {
		weft__point("del_timer", &weft__lx_dom, LX_DOM_NAME, WEFT__ACC_WRITE,
			    loc);
		weft__lx_ev_disarm(&me->sleep_ev);
	}
	if (broken)
		return -LX_ERESTARTSYS;
	if (!got)
		return 0;
	return (long)(deadline - weft__lx_now()) > 0 ? (long)(deadline - weft__lx_now()) : 1;
}

unsigned long weft_wait_for_completion_timeout(struct weft_completion *c,
					       unsigned long timeout,
					       const struct weft_loc *loc)
{
	return (unsigned long)timed_wait(c, timeout, false, loc);
}

long weft_wait_for_completion_intr_timeout(struct weft_completion *c,
					   unsigned long timeout,
					   const struct weft_loc *loc)
{
	return timed_wait(c, timeout, true, loc);
}

void weft__lx_completion_timeout(struct weft_completion *c, int tid,
			   unsigned long gen)
{
	weft__release_point("completion_timeout", c, cname(c), NULL);
	if (weft__lx_th[tid].tw_obj == c && weft__lx_th[tid].tw_gen == gen)
		weft__lx_th[tid].tw_fired = 1;
}

/* A try that fails only reads the count (as sem_trywait's): a loop of
 * failed tries is a spin that writes nothing, and the search may move
 * one past another thread's try. */
static uint8_t try_wait_access(const struct weft__op *op)
{
	const struct weft_completion *c = op->obj;

	return c->done ? WEFT__ACC_WRITE : WEFT__ACC_READ;
}

int weft_try_wait_for_completion(struct weft_completion *c,
				 const struct weft_loc *loc)
{
	struct weft__op op = { .name = "try_wait_for_completion", .obj = c,
			       .objname = cname(c), .access = WEFT__ACC_WRITE,
			       .access_now = try_wait_access, .loc = loc };

	use(c, true, loc);
	weft__visible(&op);
	stepped(c, true, loc);
	if (!c->done) {
		weft__spun_tried();
		return 0;
	}
	consume(c);
	return 1;
}

int weft_completion_done(struct weft_completion *c,
			 const struct weft_loc *loc)
{
	use(c, false, loc);
	weft__point("completion_done", c, cname(c), WEFT__ACC_READ, loc);
	stepped(c, false, loc);
	if (!c->done)
		weft__spun();
	return c->done > 0;
}
