/* src/detect/race_stall.c - a test thread that spins on plain memory.
 *
 * A thread that waits for another by reading a plain flag in a loop
 * (while (!flag) ;) reaches no scheduling point: its reads are covered
 * by its own earlier read, and the writer has not run, so no race is
 * seen either.  It would spin until the time limit, and the test was
 * inconclusive in its first execution, though the program ends natively
 * and has a data race (SV-COMP's lu-fig2 and dekker, message passing
 * through a plain flag).
 *
 * A watchdog thread of the worker process looks at the scheduler's step
 * count every 10 ms.  When a test thread has taken no step for a
 * second, it points the inline filter of racing sites (race.h) at a
 * bitmap of all ones, so that the thread's next plain accesses take the
 * slow path, weft__race_access, which samples them here: a run of reads
 * of a few granules with no write (to memory off the thread's stack) is
 * a spin, and the site of the last read becomes a racing site, a
 * scheduling point from then on, where the writer can run.  Like any
 * racing site it is learnt once for the whole search (the exhaustive
 * search restarts) and replay tokens carry it.  Anything else (a write,
 * more granules: a long computation) puts the filter back and changes
 * nothing; the watchdog looks again after another second.
 *
 * The watchdog only reads the scheduler's step count, stores one pointer
 * and, after 20 ms without a step (2 ms once a thread was parked),
 * probes the test thread (race_stuck.c: a read of /proc and a signal):
 * it never calls into weft's state, the test thread never waits for it,
 * and it blocks every signal.  The stall it sees is a matter of time, so
 * when a site is learnt differs from run to run; but a learnt site only
 * adds a scheduling point, the exhaustive search restarts with it, and
 * a replay token carries the sites known when its execution began. */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "detect/race.h"
#include "explore/explore.h"

#if defined(__has_include)
#if __has_include(<sys/single_threaded.h>)
#include <sys/single_threaded.h>
#define HAVE_SINGLE_THREADED 1
#endif
#endif

#define TICK_MS 10          /* the watchdog looks this often */
#define STALL_MS 1000       /* no step for 1 s (WEFT_SPIN_STALL_MS) */
#define SAMPLE 4096         /* reads that make a spin */
#define SPIN_GRANULES 4     /* the granules a spin may poll */

#define PROBE_MS 20         /* no step for 20 ms: probe (race_stuck.c) */
/* Once a thread was parked in a loop, the same loop is likely in later
 * executions (a detached thread that spins for ever): the watchdog then
 * looks every millisecond and probes after 2 ms, where every such
 * execution waited 20 ms (a program with one such thread ran 1,920
 * executions in 60 s). */
#define FAST_TICK_MS 1
#define FAST_PROBE_MS 2

static uint64_t all_ones[(1u << WEFT__RACE_FILTER_BITS) / 64];
static const uint64_t *normal;  /* the filter to put back */
static bool started;
static bool learn;              /* spinning reads' sites may be learnt */
static int stall_ticks = STALL_MS / TICK_MS;

/* The sample, on the test thread only. */
static struct {
	long n;
	int ngran;
	uintptr_t gran[SPIN_GRANULES];
} S;

static void sample_end(void)
{
	memset(&S, 0, sizeof S);
	__atomic_store_n(&weft__race_filter, normal, __ATOMIC_RELEASE);
}

static void *watchdog(void *arg)
{
	unsigned long last = 0;
	int still = 0, quiet = 0;

	(void)arg;
	for (;;) {
		bool fast = weft__stuck_parked();
		int tick_ms = fast ? FAST_TICK_MS : TICK_MS;
		int probe_ms = fast ? FAST_PROBE_MS : PROBE_MS;
		struct timespec tick = { 0, tick_ms * 1000000L };
		unsigned long now;

		/* C library's clock_nanosleep, which libweft does not
		 * interpose: its nanosleep and syscall are the program's
		 * (virtual sleep, futex models), which look themselves up
		 * with dlsym and test the caller; called from this thread,
		 * they ran the loader and the allocator beside the test
		 * thread, and a test hung one time in a few hundred. */
		clock_nanosleep(CLOCK_MONOTONIC, 0, &tick, NULL);
		now = __atomic_load_n(&weft__step_clock, __ATOMIC_RELAXED);
		if (now != last) {
			last = now;
			still = quiet = 0;
			continue;
		}
		/* Milliseconds without a step. */
		quiet += tick_ms;
		if (quiet % probe_ms == 0)
			weft__stuck_probe(quiet, stall_ticks * TICK_MS);
		still += tick_ms;
		if (still < stall_ticks * TICK_MS)
			continue;
		still = 0;
		if (learn)
			__atomic_store_n(&weft__race_filter,
					 (const uint64_t *)all_ones,
					 __ATOMIC_RELEASE);
	}
	return NULL;
}

/* Start the watchdog's thread: detached, on a small stack, with every
 * signal blocked, so that no signal of the program's is delivered there,
 * where its handler would run beside the test threads.  glibc clears the
 * flag libstdc++ reads (shared_ptr's counts) at a process's first
 * thread; the program's own first thread clears it (src/pthread/
 * thread.c), and the watchdog, which never touches what the flag guards,
 * must not: the first execution would take other paths than the rest. */
static void start_watchdog(void)
{
	pthread_t t;
	pthread_attr_t a;
	sigset_t all, old;
#ifdef HAVE_SINGLE_THREADED
	char was = __libc_single_threaded;
#endif

	if (pthread_attr_init(&a))
		return;
	pthread_attr_setstacksize(&a, 64 * 1024);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	pthread_create(&t, &a, watchdog, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
#ifdef HAVE_SINGLE_THREADED
	__libc_single_threaded = was;
#endif
	pthread_attr_destroy(&a);
}

/* At an execution's start, in the worker: the watchdog starts once, and
 * a sample begun in the execution before (or the filter repointed while
 * weft itself, not a test thread, ran for long) is dropped.  No site is
 * learnt in a replay, which has the sites its token carries and must not
 * end early, nor in a search in parts, whose parts must all see one
 * tree: a site learnt by the clock in one part alone would leave holes
 * between their leaves.  There a spin stays a time limit, inconclusive. */
void weft__race_stall_begin(void)
{
	const char *e;

	if (started) {
		if (weft__race_stalled())
			sample_end();
		if (weft__S->v.stuck_pc)
			weft__S->v.stuck_pc = NULL;
		return;
	}
	started = true;
	/* The probe of a thread stuck in a loop (race_stuck.c) runs in a
	 * replay and in parts too: what it finds depends on the execution
	 * alone, not on when the watchdog looked. */
	weft__stuck_setup();
	learn = !weft__opts.replay && !weft__split_active();
	/* Tests make the watchdog quicker, to reach it with a loop that does
	 * not take seconds. */
	if ((e = getenv("WEFT_SPIN_STALL_MS"))) {
		long ms = strtol(e, NULL, 10);
		stall_ticks = ms >= TICK_MS ? (int)(ms / TICK_MS) : 1;
	}
	normal = weft__race_filter;
	memset(all_ones, 0xff, sizeof all_ones);
	start_watchdog();
}

bool weft__race_stalled(void)
{
	return __atomic_load_n(&weft__race_filter, __ATOMIC_ACQUIRE) ==
	       all_ones;
}

void weft__race_stall_access(const void *addr, unsigned flags, uintptr_t pc)
{
	const struct weft__running *r = &weft__running;
	uintptr_t g = (uintptr_t)addr & ~(uintptr_t)7;
	const char *a = addr;
	int i;

	if (r->tid < 0)
		return;
	if (flags & (WEFT__RACE_ATOMIC | WEFT__RACE_VOLATILE | WEFT__RACE_FREE))
		return; /* scheduling points already */
	if (a >= r->stack_lo && a < r->stack_hi)
		return; /* the thread's own: a loop counter */
	if (flags & WEFT__RACE_WRITE) {
		sample_end(); /* it changes something: no spin */
		return;
	}
	for (i = 0; i < S.ngran && S.gran[i] != g; i++)
		;
	if (i == S.ngran) {
		if (S.ngran == SPIN_GRANULES) {
			sample_end(); /* it reads on: a computation */
			return;
		}
		S.gran[S.ngran++] = g;
	}
	if (++S.n < SAMPLE)
		return;
	sample_end();
	/* A spin only another thread can end.  With none able to run, the
	 * loop is a computation (or a hang no scheduling point would cure).
	 * The execution ends here: the search goes on from executions that
	 * have the new point from their start, whose tokens carry it (a
	 * race found in this one replayed only when the watchdog happened
	 * to stop the replay at the same read). */
	if (!weft__other_can_run(r->tid) || weft__race_site_hot(pc))
		return;
	weft__race_site_learn(pc);
	weft__abandon_execution();
}
