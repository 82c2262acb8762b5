/* src/detect/race_frames.c - the kernel models' objects that live in a
 * function's stack frame (a completion declared with
 * DECLARE_COMPLETION_ONSTACK, a work set up with INIT_WORK_ONSTACK, a
 * wait queue head, a timer), and their uses after the function returned.
 *
 * An object is watched from its declaration or init by a thread whose
 * stack holds it, in the frame of the innermost instrumented call that
 * holds it (race_stack.c keeps each call's stack pointer); when that call
 * returns, the object is dead, and a model's use of it from then on (a
 * complete() from a work that outlived the waiter's timeout, the worker
 * taking a work queued from a frame that returned) is a use-after-free
 * of the stack, as the kernel's object debugging reports it; a work or
 * timer still pending at the return is one at once.  Only a model's use
 * of an object of the dead one's kind, where it began, is checked (a
 * later call's own locals at those bytes are not the dead object), and
 * a new declaration or init at the same place begins a new object.
 * The records belong to one execution. */
#include "detect/race.h"
#include "report/report.h"

#define MAX_OBJS 64

struct frame_obj {
	const char *lo, *hi;        /* its bytes */
	uintptr_t call;             /* the call whose frame holds it */
	const struct weft_loc *born;
	const void *kind;
	const char *(*busy)(const void *obj);
	int tid, depth;
	bool dead;
	bool scoped;                /* it died at the end of its scope */
};

static struct {
	int n;
	struct frame_obj o[MAX_OBJS];
} F;

/* Watched objects of this execution and the dead ones among them: the
 * function exit and the model's check cost nothing while they are 0. */
int weft__frames_watched;
int weft__frames_ndead;

void weft__detect_race_frames_begin(void)
{
	F.n = 0;
	weft__frames_watched = 0;
	weft__frames_ndead = 0;
}

/* The depth of thread t's live call whose frame holds a, or -1 when a is
 * below them all (a frame of weft's own).  The frame of the call at
 * depth d begins at its stack pointer on entry, sp[d]: a is in the
 * outermost call whose sp is at or below it, unless it lies above that
 * call's return address (which __tsan_func_entry was given: found by
 * looking up from sp[d]), in the area its caller made after its own
 * entry (a variable-length array, alloca) before the call: then it is
 * the caller's (an object there set up by the callee it was passed to
 * died with the callee); -1 when no call of the thread is recorded. */
static int owning_depth(int t, const char *a)
{
	const uintptr_t *sp;
	int depth, n = weft__race_frames(t, &sp, &depth);

	for (int d = 0; d < n; d++) {
		uintptr_t ret;
		if (sp[d] > (uintptr_t)a)
			continue;
		if (d == 0 || !(ret = weft__race_frame_call(t, d)))
			return d;
		for (const uintptr_t *q = (const uintptr_t *)sp[d];
		     (uintptr_t)q < sp[d - 1] && (uintptr_t)q <= (uintptr_t)a;
		     q++)
			if (*q == ret)
				return (uintptr_t)a > (uintptr_t)q ? d - 1 : d;
		return d;
	}
	/* Below every recorded frame, in a call deeper than the record
	 * keeps (a deep recursion): watched as the innermost recorded
	 * frame's, which ends no sooner (unwatched, its late use wrote into
	 * whatever frame was there, weft's own, which crashed).  Else it is
	 * weft's own frames' (a model's object of its own) or the innermost
	 * call's variable-length array, which cannot be told apart: not
	 * watched. */
	return depth > n ? n - 1 : -1;
}

int weft__race_frame_span(int t, const void *p, const char **lo,
			  const char **hi)
{
	const uintptr_t *sp;
	int depth, n = weft__race_frames(t, &sp, &depth);
	uintptr_t a = (uintptr_t)p, ret;
	int d = 0;

	(void)depth;
	/* The outermost recorded call whose frame begins at or below p (the
	 * stack grows down: the deeper calls' begin lower still). */
	while (d < n && sp[d] > a)
		d++;
	if (d <= 0 || d >= n || !(ret = weft__race_frame_call(t, d)))
		return -1;
	/* Its own bytes end at its return address, the first word from
	 * sp[d] up that holds it: above lie its caller's (a variable-length
	 * array or alloca made before the call, outgoing arguments, frames
	 * of code weft does not see).  A frame whose return address is not
	 * found is not watched. */
	for (const uintptr_t *q = (const uintptr_t *)sp[d];
	     (uintptr_t)q < sp[d - 1]; q++)
		if (*q == ret) {
			if (a >= (uintptr_t)q)
				return -1;
			*lo = (const char *)sp[d];
			*hi = (const char *)q;
			return d;
		}
	return -1;
}

static void forget(int i)
{
	weft__frames_ndead -= F.o[i].dead;
	F.o[i] = F.o[--F.n];
	weft__frames_watched = F.n;
}

void weft__frame_obj_init(const void *p, size_t n, const void *kind,
			  const char *(*busy)(const void *obj),
			  const struct weft_loc *loc)
{
	const char *a = p;
	int t = weft__self(), d;
	const struct weft__running *r = &weft__running;

	if (!weft__race_on || t < 0)
		return;
	if (a < r->stack_lo || a >= r->stack_hi)
		d = -1;
	else
		d = owning_depth(t, a);
	/* A new object of the program's where an old one was: the old one
	 * is gone.  (Not one in weft's own frames, which lie where the
	 * returned frames were: the dead objects there stay dead.) */
	if (d >= 0 || a < r->stack_lo || a >= r->stack_hi)
		for (int i = F.n - 1; i >= 0; i--)
			if (F.o[i].lo < a + n && a < F.o[i].hi)
				forget(i);
	if (d < 0 || F.n == MAX_OBJS)
		return;
	F.o[F.n++] = (struct frame_obj){
		.lo = a, .hi = a + (n ? n : 1), .born = loc, .kind = kind,
		.busy = busy, .tid = t,
		.depth = d, .call = weft__race_frame_call(t, d) };
	weft__frames_watched = F.n;
}

/* The call whose frame held it: not for the thread's own function, whose
 * call is weft's. */
static const struct weft_loc *call_loc(const struct frame_obj *o)
{
	return o->call && o->depth > 0 ? weft__pc_loc(o->call) : NULL;
}

static const char *at_call(const struct frame_obj *o)
{
	const struct weft_loc *call = call_loc(o);

	return call ? weft__internf(" at %s:%d", call->file, call->line) : "";
}

/* The call returned with an object of its frame still in use by a model
 * (a work still pending, a timer still armed): whatever runs it next
 * reads a frame that is gone. */
static _Noreturn void busy_at_return(const struct frame_obj *o,
				     const char *what)
{
	if (o->born)
		weft__fail_detail("  it was declared or set up at %s:%d",
				  o->born->file, o->born->line);
	weft__fail(WEFT__K(USE_AFTER_FREE), call_loc(o),
		   "the call%s returned while %s: the object is in the "
		   "call's stack frame, and outlives it (flush or cancel it "
		   "before returning)", at_call(o), what);
}

void weft__race_frames_exit(int t, int depth)
{
	for (int i = 0; i < F.n; i++) {
		struct frame_obj *o = &F.o[i];
		const char *what;
		if (o->tid != t || o->dead || o->depth < depth)
			continue;
		if (o->busy && (what = o->busy(o->lo)))
			busy_at_return(o, what);
		o->dead = true;
		weft__frames_ndead++;
	}
}

static _Noreturn void dead_use(const struct frame_obj *o, bool write,
			       const struct weft_loc *loc)
{
	weft__mark_here(write ? "write" : "read",
			weft__internf("stack of %s", weft__thread_name(o->tid)),
			loc, "[here]");
	if (o->born)
		weft__fail_detail("  the object was declared or set up at "
				  "%s:%d", o->born->file, o->born->line);
	if (o->scoped)
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "%s of an object in the stack of thread %s, whose "
			   "scope has ended: a pointer to a local object "
			   "outlived its block",
			   write ? "write" : "read",
			   weft__thread_name(o->tid));
	weft__fail(WEFT__K(USE_AFTER_FREE), loc,
		   "%s of an object in the stack of thread %s, in the frame "
		   "of the call%s, which has returned: a pointer to a local "
		   "object outlived its function",
		   write ? "write" : "read", weft__thread_name(o->tid),
		   at_call(o));
}

void weft__frame_obj_check(const void *p, const void *kind, bool write,
			   const struct weft_loc *loc)
{
	int t = weft__self();

	if (!weft__frames_ndead)
		return;
	for (int i = 0; i < F.n; i++) {
		const struct frame_obj *o = &F.o[i];
		if (!o->dead || o->lo != (const char *)p ||
		    (kind && o->kind != kind))
			continue;
		/* The owner using it from a live frame that holds it: a new
		 * object of a later call (one declared without _ONSTACK). */
		if (o->tid == t && owning_depth(t, p) >= 0) {
			forget(i);
			return;
		}
		dead_use(o, write, loc);
	}
}

bool weft__frame_obj_dead(const void *p)
{
	for (int i = 0; weft__frames_ndead && i < F.n; i++)
		if (F.o[i].dead && F.o[i].lo == (const char *)p)
			return true;
	return false;
}

void weft__frame_obj_end(const void *p)
{
	for (int i = 0; i < F.n; i++)
		if (!F.o[i].dead && F.o[i].lo == (const char *)p) {
			F.o[i].dead = true;
			F.o[i].scoped = true;
			weft__frames_ndead++;
		}
}
