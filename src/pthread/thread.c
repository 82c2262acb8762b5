/* src/pthread/thread.c - pthread threads as weft test threads.
 *
 * A pthread_t is the test thread's id + 1, so the test body (main) is 1 and
 * 0 is never a valid thread.  Ids are reused once a thread has finished
 * and been joined (see src/sched/thread.c), as glibc reuses its thread
 * descriptors.  The start routine's return value (or pthread_exit's
 * argument) and the detach state live in a per-execution table indexed by
 * thread id.  Creation orders everything the creator did before it; a
 * join orders everything the joined thread did (the core's clocks).
 * Stacks have the native sizes: the attribute's stack size, or glibc's
 * default (RLIMIT_STACK, 8 MiB usually); main's is 8 MiB (src/pthread/
 * main.c). */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <time.h>

#include "pthread/pt.h"
#include "modelled.h"

#if defined(__has_include)
#if __has_include(<sys/single_threaded.h>)
#include <sys/single_threaded.h>
#define HAVE_SINGLE_THREADED 1
#endif
#endif

/* glibc clears __libc_single_threaded when a process creates its first
 * thread; libstdc++ reads it (shared_ptr's reference counts, locales) and
 * takes non-atomic paths while it is set.  weft's threads are fibers, so
 * glibc never sees them: a program would run those paths unsynchronised
 * where natively it does not.  The program's copy of the variable is in
 * its data, which weft restores at each execution's start, as natively. */
static void not_single_threaded(void)
{
#ifdef HAVE_SINGLE_THREADED
	__libc_single_threaded = 0;
#endif
}

/* arg is the start routine's argument: the leak check's root for a
 * thread that has not started yet (weft__pt_start_arg). */
struct slot {
	void *ret;
	void *arg;
	bool detached, joined;
	bool claimed;                    /* a pthread_join waits for it */
	const char *ustack;              /* a stack of the program's own
					    (pthread_attr_setstack), or NULL */
	size_t ustack_len;
	__pthread_unwind_buf_t *cleanup; /* innermost cleanup handler */
};
static struct slot slots[WEFT__MAX_THREADS];

/* Whether this execution wrote slots or routine names: executions of
 * tests that create no pthread skip clearing them. */
static bool thread_dirty = true;

/* What a new thread runs (per-execution memory, read once it starts). */
struct start {
	void *(*fn)(void *);
	void *arg;
};

/* main called pthread_exit in this execution (a program's own main). */
static bool main_exited;

/* After main called pthread_exit, the process ends when its last thread
 * does, as if that thread called exit(0): the atexit handlers and the
 * destructors run then (they never ran, and a handler's failed check was
 * verified).  They run after everything the other threads did: glibc
 * counts the running threads down with a full barrier in each ending
 * thread (__nptl_nthreads), and the one that reaches zero exits, so each
 * ended thread's writes are ordered before the handlers as a join would
 * order them (a summary reading the detached workers' results was a false
 * data race). */
static void last_thread_end(int self)
{
	int n = weft__nthreads();

	if (!main_exited)
		return;
	for (int i = 0; i < n; i++)
		if (i != self && !weft__thread_done(i) && !weft__thread_daemon(i))
			return;
	weft__join_ended(self);
	weft__pt_run_atexit(0);
	weft__exec_exit(0);
}

/* What ends a pthread, whether its start routine returned or it called
 * pthread_exit (after its cleanup handlers): the destructors of its
 * thread_local objects and of its thread-specific data, its robust
 * mutexes, and the process's end when main left first. */
static void thread_end(int self)
{
	weft__pt_run_tls_dtors(self);
	weft__pt_keys_thread_exit(self);
	weft__pt_robust_thread_exit(self);
	last_thread_end(self);
}

/* A thread whose start routine returns ends as if it called pthread_exit
 * with the value returned. */
static void trampoline(void *p)
{
	const struct start *s = p;
	void *ret = s->fn(s->arg);
	int self = weft__self();

	thread_dirty = true;
	slots[self].ret = ret;
	thread_end(self);
}

/* The trace column of a thread is its start routine's name (the core
 * numbers the threads of an execution that share one: work, work#2). */
static const char *thread_name(void *(*start)(void *))
{
	const struct weft_loc *l = weft__pc_loc((uintptr_t)start + 1);

	return weft__intern(l->func ? l->func : "thread");
}

/* weft's own frames (the scheduler, the race detector and its symbol
 * lookup) run on the test thread's stack too: room for them on top of
 * what the program asked for, so that a thread with a minimal stack is not
 * reported for overflowing it with weft's frames. */
#define RUNTIME_SLACK (64 * 1024)

/* glibc's stack size for attr, or its default for new threads when attr
 * is NULL (RLIMIT_STACK, or 2 MiB when unlimited). */
static size_t stack_size_of(const pthread_attr_t *attr)
{
	pthread_attr_t def;
	size_t size = 0;

	if (attr) {
		pthread_attr_getstacksize(attr, &size);
	} else if (pthread_attr_init(&def) == 0) {
		pthread_attr_getstacksize(&def, &size);
		pthread_attr_destroy(&def);
	}
	return size ? size + RUNTIME_SLACK : 0;
}

/* Not blocking; a scheduling point.  The creator's past happens before the
 * new thread starts.  The trace column is named after name_of. */
int weft__pt_create(pthread_t *th, const pthread_attr_t *attr,
		    void *(*start)(void *), void *arg, void *(*name_of)(void *),
		    const struct weft_loc *loc)
{
	int det = PTHREAD_CREATE_JOINABLE, tid;
	struct start *s;

	not_single_threaded();
	if (attr)
		pthread_attr_getdetachstate(attr, &det);
	s = weft__exec_alloc(sizeof *s);
	s->fn = start;
	s->arg = arg;
	tid = weft__spawn_sized(trampoline, s, thread_name(name_of), 0,
				stack_size_of(attr), loc);
	/* The default size too: an 8 MiB thread that overflowed by less
	 * than weft's room was verified, where 7 and 12 MiB were found (a
	 * probe). */
	if (stack_size_of(attr))
		weft__stack_asked(tid, stack_size_of(attr) - RUNTIME_SLACK);
	/* The new thread has not run yet (it needs a scheduling point), so
	 * its record is set up before anyone can see it. */
	thread_dirty = true;
	slots[tid] = (struct slot){ .arg = arg,
				    .detached = det == PTHREAD_CREATE_DETACHED };
	/* weft runs the thread on a stack of its own; the program's is
	 * only watched (weft__pt_stack_release). */
	void *sa = NULL;
	size_t ss = 0;
	if (attr && !pthread_attr_getstack(attr, &sa, &ss) && sa) {
		slots[tid].ustack = sa;
		slots[tid].ustack_len = ss;
	}
	weft__pt_keys_thread_start(tid);
	weft__pt_attr_thread_start(tid, attr);
	weft__pt_sig_thread_start(tid);
	weft__frame_arg_escape(arg, tid);
	*th = PT_ID(tid);
	weft__pt_files_note();
	return 0;
}

int __weft_pthread_create(pthread_t *th, const pthread_attr_t *attr,
			  void *(*start)(void *), void *arg)
{
	if (!weft__pt_live())
		return weft__pt_premain_thread(
			pthread_create(th, attr, start, arg), 1);
	return weft__pt_create(th, attr, start, arg, start, PT_LOC());
}

/* The program gives back [p, p + n) (free, munmap).  A stack it gave a
 * thread with pthread_attr_setstack is in use until the thread is
 * joined, or until a detached one ends: the thread runs on it, and glibc
 * keeps the thread's descriptor at its top until pthread_join.  Freeing
 * it earlier crashed natively while weft, whose thread ran on a stack of
 * its own, verified the program (a probe of ordinary pthread programs). */
void weft__pt_stack_release(const void *p, size_t n, const char *what,
			    const struct weft_loc *loc, uintptr_t ra)
{
	const char *a = p;

	for (int t = 0; p && t < weft__nthreads(); t++) {
		const struct slot *s = &slots[t];
		bool running;

		if (!s->ustack || a >= s->ustack + s->ustack_len ||
		    a + (n ? n : 1) <= s->ustack)
			continue;
		running = !weft__thread_done(t);
		if (!running && (s->joined || s->detached))
			continue;
		weft__fail(WEFT__K(USE_AFTER_FREE),
			   loc ? loc : weft__pc_loc(ra), "%s of memory that is thread %s's stack (given by "
			   "pthread_attr_setstack), %s", what,
			   weft__thread_name(t),
			   running ? "which the thread still runs on"
				   : "before the thread is joined: glibc "
				     "keeps the thread's descriptor on it until "
				     "pthread_join");
	}
}

static struct slot *slot_of(pthread_t t)
{
	if (t < 1 || t > (pthread_t)weft__nthreads())
		return NULL;
	thread_dirty = true;
	return &slots[t - 1];
}

/* The slot of t, which must be a thread of this execution: joining or
 * detaching an ID that no pthread_create returned (an uninitialised
 * pthread_t, one past the end of an array of them) is undefined, and
 * glibc, which takes the ID for a pointer, crashes; weft's ESRCH let
 * such a program pass. */
static struct slot *thread_slot(pthread_t t, const char *call,
				const struct weft_loc *loc)
{
	struct slot *s = slot_of(t);

	if (!s)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of thread ID %#lx, which no pthread_create "
			   "returned", call, (unsigned long)t);
	return s;
}

/* Joining or detaching a detached thread is undefined behaviour: its end
 * may already have freed it (glibc's EINVAL is a courtesy that reads
 * freed memory when the thread has ended).  Reported where it is done. */
static void not_detached(const struct slot *s, pthread_t t, const char *call,
			 const struct weft_loc *loc)
{
	if (s->detached)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of thread %s, which is detached (undefined "
			   "behaviour: a detached thread's resources go when "
			   "it ends)",
			   call, weft__thread_name((int)t - 1));
}

/* The errors pthread_join and its GNU variants share, or 0. */
static int join_error(pthread_t t, const char *call, const struct weft_loc *loc)
{
	struct slot *s = thread_slot(t, call, loc);

	if (t == PT_ID(weft__self()))
		return EDEADLK;
	not_detached(s, t, call, loc);
	return 0;
}

/* glibc's join first claims the thread (its joinid) and then waits; a
 * detach between the two finds it claimed and leaves it to the join, a
 * detach before makes the join undefined.  While the thread runs, the
 * claim is a step of its own on the thread's slot, which a detach writes
 * too, so both orders are explored: a thread that detached itself while
 * main was about to join it was verified in the one order where main
 * joined first (found by a probe of real programs).  Only in a program
 * that detaches threads at all (imports.c): in the others the claim
 * changes nothing, and its step widened a split search's prefix.  A
 * compact trace leaves the claim out (trace.c), as it does a thread's
 * start. */
static bool program_detaches(void)
{
	static const char *const names[] = {
		"__weft_pthread_detach", "__weft_thrd_detach",
		"_ZNSt6thread6detachEv", NULL,
	};
	static int known;

	return weft__pt_imports_once(&known, names);
}

static void claim(pthread_t t, const struct weft_loc *loc)
{
	struct slot *s = &slots[t - 1];

	if (!program_detaches())
		return;
	/* A read of the slot for the explorer: it conflicts with the
	 * detach's write, and, unlike a write, it does not count as the
	 * progress that lets spinning threads go on (fair.c). */
	weft__point("join_claim", s, weft__thread_name((int)t - 1),
		    WEFT__ACC_READ, loc);
	if (!s->detached)
		s->claimed = true;
}

/* The joiner's store of the ended thread's value through the program's
 * pointer: a write of the program's memory, which another thread may
 * read unordered (a collector joining into a global that main reads
 * without waiting for the collector was verified, the store unseen; a
 * probe comparing dfs with random schedules). */
static void store_ret(void **ret, void *v, const struct weft_loc *loc)
{
	weft__race_access(ret, sizeof *ret, WEFT__RACE_WRITE,
			  weft__loc_pc(loc));
	*ret = v;
}

/* Blocks until the thread ends; everything it did happens before. */
int weft__pt_join(pthread_t t, void **ret, const struct weft_loc *loc)
{
	int err;

	/* A request pending acts before EDEADLK, as glibc's does. */
	weft__pt_cancel_check(loc);
	if (t == PT_ID(weft__self()))
		return join_error(t, "pthread_join", loc);
	if (slot_of(t))
		claim(t, loc);
	if ((err = join_error(t, "pthread_join", loc)))
		return err;
	weft__pt_cancel_enter();
	weft__pt_cancel_leave(!weft__join_at((weft_thread_t){ (int)t - 1 },
					     loc));
	slots[t - 1].joined = true;
	if (ret)
		store_ret(ret, slots[t - 1].ret, loc);
	return 0;
}

int __weft_pthread_join(pthread_t t, void **ret)
{
	if (!weft__pt_live())
		return weft__pt_premain_thread(pthread_join(t, ret), -1);
	return weft__pt_join(t, ret, PT_LOC());
}

/* Joins t if it has ended, without waiting (a scheduling point that reads
 * whether it has). */
static bool try_join(pthread_t t, void **ret, const char *name,
		     const struct weft_loc *loc)
{
	if (!weft__try_join_at((int)t - 1, name, loc))
		return false;
	slots[t - 1].joined = true;
	if (ret)
		store_ret(ret, slots[t - 1].ret, loc);
	return true;
}

/* GNU: EBUSY, at once, when the thread has not ended. */
int __weft_pthread_tryjoin_np(pthread_t t, void **ret)
{
	const struct weft_loc *loc;
	int e;

	if (!weft__pt_live())
		return pthread_tryjoin_np(t, ret);
	loc = PT_LOC();
	if ((e = join_error(t, "pthread_tryjoin_np", loc)))
		return e;
	return try_join(t, ret, "tryjoin", loc) ? 0 : EBUSY;
}

/* GNU: a join that gives up at the absolute time abs on clock c (NULL:
 * never).  An ended thread is joined whatever the deadline, as glibc
 * does.  The deadline is virtual: once it has passed the wait times out
 * at once; before it, whether the thread ends first or the wait times out
 * (the clock then reaching the deadline) is an explored choice, as for
 * pthread_mutex_timedlock. */
static int clock_join(pthread_t t, void **ret, clockid_t c,
		      const struct timespec *abs, const struct weft_loc *loc)
{
	long long left;
	int e;

	if (!abs)
		return weft__pt_join(t, ret, loc);
	/* A cancellation point as it begins, whatever follows: glibc acts
	 * on a request before it says EDEADLK (a join of itself) or
	 * ETIMEDOUT (a deadline passed). */
	weft__pt_cancel_check(loc);
	if ((e = join_error(t, "pthread_timedjoin_np", loc)))
		return e;
	if (try_join(t, ret, "timedjoin", loc))
		return 0;
	if (weft__pt_nsec_bad(abs) ||
	    (c != CLOCK_REALTIME && c != CLOCK_MONOTONIC))
		return EINVAL;
	left = weft__pt_ns_until(c, abs);
	if (left <= 0)
		return ETIMEDOUT;
	if (!weft__pt_deadline_far(c, abs) &&
	    weft__choose_timeout("timedjoin times out", loc)) {
		weft__timed_out();
		weft__pt_sleep_ns(left, loc);
		return ETIMEDOUT;
	}
	weft__pt_wait_begin(c, abs);
	int r = weft__pt_join(t, ret, loc);
	weft__pt_wait_end();
	return r;
}

int __weft_pthread_timedjoin_np(pthread_t t, void **ret,
				const struct timespec *abs)
{
	if (!weft__pt_live())
		return pthread_timedjoin_np(t, ret, abs);
	return clock_join(t, ret, CLOCK_REALTIME, abs, PT_LOC());
}

int __weft_pthread_clockjoin_np(pthread_t t, void **ret, clockid_t c,
				const struct timespec *abs)
{
	if (!weft__pt_live())
		return pthread_clockjoin_np(t, ret, c, abs);
	return clock_join(t, ret, c, abs, PT_LOC());
}

/* Never blocks; not a scheduling point. */
/* A step on the thread's slot, which a join's claim writes: a detach of
 * a thread a join has claimed does nothing (glibc), one before the claim
 * makes the join undefined. */
int weft__pt_detach(pthread_t t, const char *call, const struct weft_loc *loc)
{
	struct slot *s = thread_slot(t, call, loc);

	weft__point("detach", s, weft__thread_name((int)t - 1),
		    WEFT__ACC_WRITE, loc);
	not_detached(s, t, call, loc);
	if (!s->claimed)
		s->detached = true;
	return 0;
}

/* Whether t (a thread of this execution) is detached, created so or
 * detached since, for pthread_getattr_np at loc.  In a program that
 * detaches threads the answer can change under the caller, so it is a
 * read of the slot, which a detach writes: the explorer orders the two. */
bool weft__pt_detached(pthread_t t, const struct weft_loc *loc)
{
	struct slot *s = slot_of(t);

	if (!s)
		return false;
	if (program_detaches())
		weft__point("pthread_getattr_np", s,
			    weft__thread_name((int)t - 1), WEFT__ACC_READ,
			    loc);
	return s->detached;
}

int __weft_pthread_detach(pthread_t t)
{
	if (!weft__pt_live())
		return pthread_detach(t);
	return weft__pt_detach(t, "pthread_detach", PT_LOC());
}

/* The end of a thread that called pthread_exit, once its cleanup
 * handlers have run. */
_Noreturn void weft__pt_exit_finish(void)
{
	thread_end(weft__self());
	weft__thread_exit_current();
}

/* Ends the calling thread (main included: the others go on, as natively)
 * after its cleanup handlers (cleanup.c) and the thread-specific data
 * destructors. */
_Noreturn void __weft_pthread_exit(void *ret)
{
	int self;

	if (!weft__pt_live())
		pthread_exit(ret);
	self = weft__self();
	thread_dirty = true;
	slots[self].ret = ret;
	if (self == 0 && weft__pt_main_mode())
		main_exited = true;
	/* A request pending now is not acted on by a cancellation point in
	 * a cleanup handler (it cut the handler short: a probe). */
	weft__pt_cancel_exiting();
	weft__pt_cleanup_unwind();
	weft__pt_exit_finish();
}

/* The calling thread's innermost cleanup handler's slot (cleanup.c). */
__pthread_unwind_buf_t **weft__pt_cleanup_top(void)
{
	thread_dirty = true;
	return &slots[weft__self()].cleanup;
}

pthread_t __weft_pthread_self(void)
{
	if (!weft__pt_live())
		return pthread_self();
	return PT_ID(weft__self());
}

int __weft_pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

/* Never blocks; a scheduling point where other threads may run. */
int __weft_sched_yield(void)
{
	if (!weft__pt_live())
		return sched_yield();
	weft_yield_at(PT_LOC());
	return 0;
}

int __weft_pthread_yield(void)
{
	return __weft_sched_yield();
}

/* The argument live pthread tid's start routine was handed, or NULL.
 * Natively glibc keeps it in the thread's descriptor (LeakSanitizer scans
 * it there), before the thread starts and after; here it is in a record
 * of the pthread layer's, which the leak check does not scan by itself. */
const void *weft__pt_start_arg(int tid)
{
	if (tid < 0 || tid >= WEFT__MAX_THREADS)
		return NULL;
	return slots[tid].arg;
}

/* For the other pthread calls: whether t names a thread of this
 * execution (a finished one too, until its id is reused). */
bool weft__pt_valid(pthread_t t)
{
	return slot_of(t) != NULL;
}

void weft__pthread_thread_begin(void)
{
	weft__pt_premain_threads_check();
	if (!thread_dirty)
		return;
	memset(slots, 0, sizeof slots);
	main_exited = false;
	thread_dirty = false;
}
