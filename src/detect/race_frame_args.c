/* src/detect/race_frame_args.c - a thread's start argument that points into
 * a stack frame of its creator, and the uses of it after that frame's call
 * returned.
 *
 * The textbook bug: a function puts a struct in its frame, hands a new
 * thread a pointer to it and returns without waiting for the thread to be
 * done with it; the thread then writes into bytes that a later call of
 * the creator's owns.  The thread's stack lives on, so the finished
 * threads' check never saw it, and with no step between the return and
 * the thread's access it was verified in one schedule.
 *
 * The frame that holds the argument is watched from the thread's creation
 * (race_frames.c finds it among the creator's instrumented calls).  When
 * its call returns, the return is a write of the frame's bytes for the
 * race detector (a free, as the heap's is): a use by another thread not
 * ordered before it is a data race, since in another schedule it comes
 * after.  From then on, a use by another thread that has not heard from
 * the creator since the return is a use-after-free: its pointer can only
 * be the one it had before.  A thread that has heard from the creator
 * since (a queue, a lock) may hold a new pointer to a new frame at the
 * same place, and is not checked: a thread pool given its work items on
 * the stack is correct.  The records belong to one execution. */
#include "detect/race.h"
#include "report/report.h"

#define MAX_FRAMES 32

struct arg_frame {
	const char *lo, *hi;        /* the frame's bytes */
	uintptr_t call;             /* the call whose frame it is */
	int tid, depth, receiver;
	uint32_t ret_clk;           /* the creator's epoch at the return */
	bool dead;
};

static struct {
	int n, ndead;
	struct arg_frame f[MAX_FRAMES];
} A;

int weft__frame_args_watched;

void weft__detect_race_frame_args_begin(void)
{
	A.n = A.ndead = 0;
	weft__frame_args_watched = 0;
}

static void forget(int i)
{
	A.ndead -= A.f[i].dead;
	A.f[i] = A.f[--A.n];
	weft__frame_args_watched = A.n;
}

void weft__frame_arg_escape(const void *p, int receiver)
{
	const struct weft__running *r = &weft__running;
	const char *a = p, *lo, *hi;
	int t = weft__self(), d;

	if (!weft__race_on || t < 0 || a < r->stack_lo || a >= r->stack_hi)
		return;
	/* The thread's own function's frame (main's, the thread function's)
	 * ends with the thread, which the finished threads' check covers;
	 * an argument below every recorded call (a variable-length array of
	 * the innermost one, or weft's own frames) is not watched. */
	d = weft__race_frame_span(t, a, &lo, &hi);
	if (d <= 0)
		return;
	/* A new frame where an old one was: the old one's record is gone. */
	for (int i = A.n - 1; i >= 0; i--)
		if (A.f[i].tid == t && A.f[i].lo < hi && lo < A.f[i].hi)
			forget(i);
	if (A.n == MAX_FRAMES)
		return;
	A.f[A.n++] = (struct arg_frame){
		.lo = lo, .hi = hi, .call = weft__race_frame_call(t, d),
		.tid = t, .depth = d, .receiver = receiver };
	weft__frame_args_watched = A.n;
}

/* Thread t's calls at depth and deeper returned. */
void weft__frame_args_exit(int t, int depth)
{
	for (int i = 0; i < A.n; i++) {
		struct arg_frame *f = &A.f[i];
		if (f->tid != t || f->dead || f->depth < depth)
			continue;
		f->dead = true;
		f->ret_clk = weft__vc(t)[t];
		A.ndead++;
		weft__span_dead(f->lo, f->hi);
		/* The call's site: a code address of the program, which a
		 * replay token can carry if the return races. */
		weft__race_access(f->lo, (size_t)(f->hi - f->lo),
				  WEFT__RACE_WRITE | WEFT__RACE_FREE |
					  WEFT__RACE_RETURN,
				  f->call);
	}
}

static const char *call_site(const struct arg_frame *f)
{
	const struct weft_loc *l = f->call ? weft__pc_loc(f->call) : NULL;

	return l && l->line ? weft__internf(" at %s:%d", l->file, l->line)
			    : "";
}

void weft__frame_arg_check(uintptr_t addr, bool write, unsigned size,
			   uintptr_t pc)
{
	const char *a = (const char *)addr;
	int t = weft__self();

	for (int i = 0; A.ndead && i < A.n; i++) {
		const struct arg_frame *f = &A.f[i];
		const struct weft_loc *loc;
		if (!f->dead || a < f->lo || a >= f->hi || t == f->tid ||
		    t < 0 || weft__vc(t)[f->tid] > f->ret_clk)
			continue;
		loc = weft__pc_loc(pc);
		weft__mark_here(write ? "write" : "read",
				weft__internf("stack of %s",
					      weft__thread_name(f->tid)),
				loc, "[here]");
		weft__fail_detail("  thread %s was given a pointer into that "
				  "frame when it was created%s%s has not "
				  "heard from thread %s since the call "
				  "returned",
				  weft__thread_name(f->receiver),
				  t == f->receiver ? ", and" : "; thread ",
				  t == f->receiver ? "" : weft__thread_name(t),
				  weft__thread_name(f->tid));
		weft__fail(WEFT__K(USE_AFTER_FREE), loc,
			   "%s of %u bytes in the stack of thread %s, in the "
			   "frame of the call%s, which has returned: a "
			   "pointer to a local variable outlived its "
			   "function (wait for the thread before returning, "
			   "or give it memory that lives on)",
			   write ? "write" : "read", size,
			   weft__thread_name(f->tid), call_site(f));
	}
}

const char *weft__frame_arg_returned(const void *p)
{
	const char *a = p;

	for (int i = 0; A.ndead && i < A.n; i++)
		if (A.f[i].dead && a >= A.f[i].lo && a < A.f[i].hi)
			return call_site(&A.f[i]);
	return NULL;
}
