/* weft/callout.h - FreeBSD callout(9) timers under weft's own names.
 *
 * The model follows the documented semantics of FreeBSD's callout(9) as
 * fixed in 2010 (CPUBLOCK and deferred migration): several virtual CPUs,
 * each with its own callout lock and a softclock thread
 * ("softclock/N") that runs the handlers of the callouts assigned to it.
 * Time is virtual: a softclock thread fires the earliest callout of its CPU
 * whenever the explorer runs it, so a timer firing early or late relative
 * to the other threads is an explored interleaving and tests never sleep.
 *
 * The documented guarantees are checked, so code (or a model) that breaks
 * them is reported: after weft_callout_drain returns the handler is not
 * running and will not run until the callout is armed again; a callout's
 * handler never runs on two CPUs at once.  A callout still armed at the
 * end of a test is a leak; freeing one that is pending or running is
 * misuse.  Holding a lock the handler takes (or the callout's own lock)
 * while draining is a lock-order cycle.
 *
 * Kernel code uses the spellings of <weft/freebsd.h>. */
#ifndef WEFT_CALLOUT_H
#define WEFT_CALLOUT_H

#include <weft/loc.h>
#include <weft/bsd.h>

typedef void weft_callout_func_t(void *);

/* The callout object embedded in the code under test.  Its state lives in
 * weft's per-execution table; the object holds the key to it. */
struct weft_callout {
	int id;                         /* table slot + 1; 0 before init */
	const struct weft_loc *init_loc;
};

/* Flags of weft_callout_init_mtx (FreeBSD's CALLOUT_* values). */
enum {
	WEFT_CALLOUT_RETURNUNLOCKED = 0x10, /* handler releases the lock */
	WEFT_CALLOUT_SHAREDLOCK = 0x20,     /* ignored for mutexes */
};

/* Which implementation of callout migration to model. */
enum {
	WEFT_CALLOUT_MODEL_FIXED = 0,  /* CPUBLOCK and deferred migration */
	WEFT_CALLOUT_MODEL_LEGACY = 1, /* FreeBSD 8.1 before the fix: the
					  migration drops the old CPU's lock
					  and retries on the new one, and a
					  running callout migrates at once */
};

/* Set the number of virtual CPUs (1 to 8, default 2) and the migration
 * model for the current execution.  Call them at the start of the test
 * body, before the first callout is armed; later calls are misuse.  Not
 * scheduling points. */
void weft_callout_set_ncpu_at(int n, const struct weft_loc *loc);
void weft_callout_set_model_at(int model, const struct weft_loc *loc);
#define weft_callout_set_ncpu(n) weft_callout_set_ncpu_at((n), WEFT_HERE)
#define weft_callout_set_model(m) weft_callout_set_model_at((m), WEFT_HERE)
int weft_callout_ncpu(void);
/* The explored time horizon: a callout fires at most n times in one
 * execution (default 3); after that its next deadline lies beyond the
 * horizon and it stays pending.  This keeps periodic callouts, which
 * re-arm themselves forever, from making exploration infinite, so an
 * exhaustive "verified" covers every interleaving up to that horizon.
 * Not a scheduling point. */
void weft_callout_set_max_fires_at(int n, const struct weft_loc *loc);
#define weft_callout_set_max_fires(n)                                         \
	weft_callout_set_max_fires_at((n), WEFT_HERE)
/* The virtual CPU the caller runs on: a softclock thread's own CPU, else
 * the thread id modulo the number of CPUs.  Not a scheduling point. */
int weft_callout_curcpu(void);
/* The virtual time in ticks (the deadline of the latest callout fired),
 * the tick rate, and the number of virtual CPUs, as variables like the
 * kernel's ticks, hz and mp_ncpus.  Read them; weft writes them. */
int weft_callout_ticks(void);
extern int weft_bsd_ticks, weft_bsd_hz, weft_bsd_mp_ncpus;
/* DELAY(9): a busy wait, a round of a spin (weft_kdelay); when the
 * thread spins with nothing else able to run, time passes for it, ticks
 * too, as jiffies does for a Linux poller (a DELAY poll with a ticks
 * deadline was a false livelock).  A scheduling point; does not block. */
void weft_bsd_delay_at(const struct weft_loc *loc);

/* Initialise c; with mpsafe == 0 the handler runs with Giant held.  With
 * a mutex (weft_callout_init_mtx) the handler runs with m held, and
 * stopping or resetting c while holding m is reliable: a handler waiting
 * for m is cancelled.  Not scheduling points; re-initialising a callout
 * that is pending or running is misuse. */
void weft_callout_init_at(struct weft_callout *c, int mpsafe,
			  const struct weft_loc *loc);
void weft_callout_init_mtx_at(struct weft_callout *c, struct weft_bsd_mtx *m,
			      int flags, const struct weft_loc *loc);

/* Arm c to run fn(arg) on CPU cpu (-1: the CPU it is assigned to) after
 * nticks ticks (at least 1), cancelling a pending run.  When the handler
 * is running the move to another CPU is deferred until it returns; when a
 * drain is waiting, nothing is armed.  Returns 1 when a pending run (or a
 * deferred migration) was cancelled, else 0.  Never blocks; a scheduling
 * point; orders everything before it before the handler's run.  When c
 * has a lock, the caller must hold it (misuse otherwise). */
int weft_callout_reset_on_at(struct weft_callout *c, int nticks,
			     weft_callout_func_t *fn, void *arg, int cpu,
			     const struct weft_loc *loc);
/* The same with the function and argument of the last reset. */
int weft_callout_schedule_on_at(struct weft_callout *c, int nticks, int cpu,
				const struct weft_loc *loc);

/* Cancel c without waiting.  Returns 1 when a pending run was stopped (or
 * a handler waiting for the callout's lock was cancelled), 0 when the
 * handler is running and cannot be stopped (a pending next run is
 * unscheduled too), -1 when c was neither pending nor running.  Clears
 * the active flag.  Never blocks; a scheduling point.  When c has a lock,
 * the caller must hold it. */
int weft_callout_stop_at(struct weft_callout *c, const struct weft_loc *loc);

/* Cancel c and wait until its handler is not running; when it returns the
 * handler will not run again until c is armed again.  Returns 1 when a
 * pending run was stopped, 0 when it waited for a running handler, -1
 * otherwise.  Blocks (sleeps): calling it from a callout handler or with
 * a spin mutex or a mutex other than c's own lock held is misuse; holding
 * c's lock, or any lock the handler takes, is a lock-order cycle and can
 * deadlock.  The handler's run happens before the return. */
int weft_callout_drain_at(struct weft_callout *c, const struct weft_loc *loc);

/* The pending flag (armed and not yet fired), the active flag (set by
 * reset, cleared by stop, drain and deactivate, not by firing), and
 * clearing the active flag.  Never block; scheduling points. */
int weft_callout_pending_at(struct weft_callout *c, const struct weft_loc *loc);
int weft_callout_active_at(struct weft_callout *c, const struct weft_loc *loc);
void weft_callout_deactivate_at(struct weft_callout *c,
				const struct weft_loc *loc);

#endif
