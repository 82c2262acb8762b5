/* src/pthread/cancel.c - deferred cancellation (pthread_cancel).
 *
 * A cancel request is a step of the canceller that writes an object of
 * the target thread's (cancel_obj); the target acts on it at its next
 * cancellation point while its cancellability is enabled: as if it
 * called pthread_exit(PTHREAD_CANCELED), so its cleanup handlers and
 * thread-specific data destructors run and a join returns
 * PTHREAD_CANCELED.  The points are pthread_testcancel and the sleeps,
 * which look for a request in a step of their own that reads the object,
 * and the waits that can block (pthread_cond_wait and its timed forms,
 * sem_wait and its timed forms, pthread_join and its timed forms), whose
 * wait touches the object too and ends as soon as a request comes: a
 * condition wait takes its mutex back first, a semaphore wait with a
 * count left takes it.  The explorer orders every such point against the
 * request, so a request before, during and after each wait are all run.
 *
 * Only in a program that calls pthread_cancel (imports.c): in the others
 * no request can come, and the points stay as they were (a sleep without
 * an extra step, testcancel a yield).
 *
 * The request orders what the canceller did before it before what the
 * target does once it saw it (glibc's request is an atomic the target
 * reads), and nothing the other way: the request is a release store.
 * Asynchronous cancellation (PTHREAD_CANCEL_ASYNCHRONOUS), which may act
 * between any two instructions, is not modelled: in a program that calls
 * pthread_cancel, asking for it ends the execution as inconclusive
 * (unsupported), and so would a request acted on that way. */
#include <errno.h>

#include "pthread/pt.h"
#include "modelled.h"

/* A thread's cancellability and the request pending for it, valid while
 * serial is the serial of the thread in the record (ids are reused). */
struct cstate {
	uint64_t serial;
	bool pending, disabled, async;
	/* In pthread_exit (or acting on a request): no request acts any
	 * more, whatever the cancel state (glibc's EXITING_BIT, apart from
	 * it: a cleanup handler's pthread_setcancelstate read DISABLE, and
	 * one that enabled cancellation was cut short: a review). */
	bool exiting;
};
static struct cstate cstates[WEFT__MAX_THREADS];

/* The object a request for thread tid writes (its address alone). */
static char cancel_obj[WEFT__MAX_THREADS];

/* The object a request for tid writes: in a program whose waits a
 * signal also ends (sigmask.c's weft__pt_sig_intr_obj), the one object
 * both end them by, so that a wait orders against either. */
static const void *request_obj(int tid)
{
	const void *o = weft__pt_sig_intr_obj();

	return o ? o : &cancel_obj[tid];
}

static struct cstate *state_of(int tid)
{
	struct cstate *c = &cstates[tid];
	uint64_t serial = weft__thread_serial(tid);

	if (c->serial != serial)
		*c = (struct cstate){ .serial = serial };
	return c;
}

/* Whether the program calls pthread_cancel; asked once. */
static bool used(void)
{
	static const char *const names[] = { "__weft_pthread_cancel", NULL };
	static int known;

	return weft__pt_imports_once(&known, names);
}

/* The target acts on a request while it is enabled; the waits see it as
 * weft__cancel_wakes. */
static void settle(int tid, const struct cstate *c,
		   const struct weft_loc *loc)
{
	bool acts = c->pending && !c->disabled && !c->exiting;

	if (acts && c->async)
		weft__limit("unsupported: asynchronous cancellation", loc,
			    "a cancel request for thread %s, whose "
			    "cancellation is asynchronous "
			    "(PTHREAD_CANCEL_ASYNCHRONOUS): weft models "
			    "deferred cancellation only",
			    weft__thread_name(tid));
	weft__cancel_wake(tid, acts);
}

/* Acting on the request: the thread ends as pthread_exit(PTHREAD_CANCELED)
 * ends it, which marks it exiting (a cleanup handler's own cancellation
 * points do not act again). */
static _Noreturn void act(void)
{
	weft__cancel_point(NULL);
	weft__timed_wait(false);
	__weft_pthread_exit(PTHREAD_CANCELED);
}

void weft__pt_cancel_exiting(void)
{
	int self = weft__self();

	if (self < 0)
		return;
	state_of(self)->exiting = true;
	weft__cancel_wake(self, false);
}

void weft__pt_cancel_enter(void)
{
	int self = weft__self();

	if (self >= 0 && used())
		weft__cancel_point(request_obj(self));
}

/* Ended by a signal (weft__pt_sig_wait_enter), a wait acts on no
 * request: only weft__cancel_requested does. */
void weft__pt_cancel_leave(bool cancelled)
{
	if (!used())
		return;
	weft__cancel_point(NULL);
	if (cancelled && weft__cancel_requested(weft__self()))
		act();
}

/* A step that reads whether a request is pending, then acts on it. */
static bool check(const char *name, const struct weft_loc *loc)
{
	int self = weft__self();

	if (self < 0 || !used())
		return false;
	weft__point(name, request_obj(self), weft__thread_name(self),
		    WEFT__ACC_READ, loc);
	if (weft__cancel_requested(self)) {
		weft__step_note("cancelled");
		act();
	}
	return true;
}

void weft__pt_cancel_check(const struct weft_loc *loc)
{
	(void)check("cancel_point", loc);
}

/* May end the calling thread (cancelled); a scheduling point. */
int __weft_pthread_cancel(pthread_t t)
{
	const struct weft_loc *loc;
	struct cstate *c;
	int id;

	if (!weft__pt_live())
		return pthread_cancel(t);
	loc = PT_LOC();
	if (!weft__pt_valid(t))
		return ESRCH;
	id = (int)t - 1;
	{
		struct weft__op op = {
			.name = "pthread_cancel", .obj = request_obj(id),
			.objname = weft__thread_name(id),
			.access = WEFT__ACC_WRITE,
			.order = WEFT__ORDER_EXPLICIT | WEFT__ORDER_RELEASE,
			.loc = loc };
		weft__visible(&op);
	}
	if (weft__thread_done(id))
		return 0;
	c = state_of(id);
	c->pending = true;
	settle(id, c, loc);
	return 0;
}

/* A cancellation point: acts on a pending request (never returns then);
 * else, as before cancellation was modelled, a scheduling point where
 * the others may run, which a loop waiting to be cancelled polls. */
void __weft_pthread_testcancel(void)
{
	if (!weft__pt_live()) {
		pthread_testcancel();
		return;
	}
	if (check("testcancel", PT_LOC()))
		weft__spun();
	else
		weft_yield_at(PT_LOC());
}

/* Not a cancellation point, and not a scheduling point: what it changes
 * is the calling thread's own, which the next point reads. */
int __weft_pthread_setcancelstate(int state, int *old)
{
	struct cstate *c;
	int self;

	if (!weft__pt_live())
		return pthread_setcancelstate(state, old);
	if (state != PTHREAD_CANCEL_ENABLE && state != PTHREAD_CANCEL_DISABLE)
		return EINVAL;
	if ((self = weft__self()) < 0)
		return pthread_setcancelstate(state, old);
	c = state_of(self);
	if (old)
		*old = c->disabled ? PTHREAD_CANCEL_DISABLE
				   : PTHREAD_CANCEL_ENABLE;
	c->disabled = state == PTHREAD_CANCEL_DISABLE;
	settle(self, c, PT_LOC());
	return 0;
}

int __weft_pthread_setcanceltype(int type, int *old)
{
	struct cstate *c;
	int self;

	if (!weft__pt_live())
		return pthread_setcanceltype(type, old);
	if (type != PTHREAD_CANCEL_DEFERRED &&
	    type != PTHREAD_CANCEL_ASYNCHRONOUS)
		return EINVAL;
	if ((self = weft__self()) < 0)
		return pthread_setcanceltype(type, old);
	/* Asynchronous cancellation in a program that cancels threads is
	 * refused here, where it is asked for: a request may then act
	 * between any two instructions, and the thread that asks for it
	 * usually runs a loop with no scheduling point next, which hung the
	 * search until the time limit (the verdict was a time limit, with
	 * the unsupported call in a parenthesis: a probe).  A program that
	 * never calls pthread_cancel sets the type to no effect. */
	if (type == PTHREAD_CANCEL_ASYNCHRONOUS && used())
		weft__limit("unsupported: asynchronous cancellation", PT_LOC(),
			    "thread %s asks for asynchronous cancellation "
			    "(PTHREAD_CANCEL_ASYNCHRONOUS), which may act "
			    "between any two instructions: weft models "
			    "deferred cancellation only",
			    weft__thread_name(self));
	c = state_of(self);
	if (old)
		*old = c->async ? PTHREAD_CANCEL_ASYNCHRONOUS
				: PTHREAD_CANCEL_DEFERRED;
	c->async = type == PTHREAD_CANCEL_ASYNCHRONOUS;
	settle(self, c, PT_LOC());
	return 0;
}
