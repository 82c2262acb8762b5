/* weft/bsd.h - the FreeBSD kernel primitives other than callouts, under
 * weft's own names: mutexes (mutex(9)), sleeping on wait channels
 * (msleep(9), wakeup(9)) and the kernel allocator (malloc(9)).
 *
 * Kernel code uses the FreeBSD spellings from <weft/freebsd.h>, which map
 * onto these functions; this header is the weft-prefixed interface behind
 * them.  Every function takes the caller's location (WEFT_HERE in the
 * mapping macros) so reports show the test's own source lines. */
#ifndef WEFT_BSD_H
#define WEFT_BSD_H

#include <errno.h>
#include <stddef.h>
#include <weft/rcu.h>
#include <weft/loc.h>
#include <weft/mutex.h>

/* ---- mutexes ----------------------------------------------------------- */

/* Option bits of weft_bsd_mtx_init (FreeBSD's MTX_* values). */
enum {
	WEFT_BSD_MTX_DEF = 0x0,     /* a sleep mutex (blocks, may not sleep
				       while held) */
	WEFT_BSD_MTX_SPIN = 0x1,    /* a spin mutex (mtx_lock_spin only) */
	WEFT_BSD_MTX_RECURSE = 0x4, /* the owner may lock it again */
	WEFT_BSD_MTX_NOWITNESS = 0x8,
	WEFT_BSD_MTX_DUPOK = 0x10,
	WEFT_BSD_MTX_NEW = 0x40,    /* fresh memory: skip the check for an
				       initialised mutex */
};

/* What weft_bsd_mtx_assert checks (FreeBSD's MA_* values). */
enum {
	WEFT_BSD_MA_NOTOWNED = 0x0,
	WEFT_BSD_MA_OWNED = 0x4,
	WEFT_BSD_MA_RECURSED = 0x8,
	WEFT_BSD_MA_NOTRECURSED = 0x10,
};

/* A FreeBSD mutex.  The lock itself is a weft mutex, so lock-order
 * classes, deadlock detection and happens-before come from the core; the
 * rest records what mtx_init was told.  A mutex must be mtx_init()ed in
 * every execution before use (statics start each execution zeroed). */
struct weft_bsd_mtx {
	weft_mutex_t m;
	unsigned opts;          /* WEFT_BSD_MTX_* */
	unsigned magic;         /* WEFT_BSD_MTX_MAGIC while initialised */
	const char *name;
};
#define WEFT_BSD_MTX_MAGIC 0x6d747821u

/* The Giant lock: a recursive sleep mutex that msleep drops while the
 * caller sleeps, and the lock of callouts initialised with mpsafe == 0. */
extern struct weft_bsd_mtx weft_bsd_giant;

/* Initialise m (not a scheduling point).  Initialising a mutex that is
 * held, or one in static or heap memory that is initialised and not
 * destroyed (lock_init's "already initialized", unless opts has
 * WEFT_BSD_MTX_NEW), is reported as misuse; a stack mutex's bytes may be
 * an older frame's, so there only a held one is. */
void weft_bsd_mtx_init_at(struct weft_bsd_mtx *m, const char *name,
			  const char *type, unsigned opts,
			  const struct weft_loc *loc);
/* mtx_init of a mutex before main (MTX_SYSINIT's constructor): m's own
 * fields only, since no test runs yet. */
void weft_bsd_mtx_sysinit(struct weft_bsd_mtx *m, const char *name,
			  unsigned opts);
/* Destroy m (not a scheduling point).  A single hold by the caller is
 * released first, as FreeBSD allows; destroying a mutex held by another
 * thread, held recursively, or still the lock of a pending or running
 * callout is misuse. */
void weft_bsd_mtx_destroy_at(struct weft_bsd_mtx *m,
			     const struct weft_loc *loc);

/* Acquire m, blocking while another thread holds it.  A scheduling point;
 * the previous holder's critical section happens before the caller's.
 * spin != 0 is mtx_lock_spin.  Using the wrong variant for the mutex's
 * type, or recursing on a non-recursive mutex, is misuse. */
void weft_bsd_mtx_lock_at(struct weft_bsd_mtx *m, int spin,
			  const struct weft_loc *loc);
/* Try to acquire m without blocking; returns 1 on success and 0 when it
 * is held (FreeBSD's convention).  A scheduling point. */
int weft_bsd_mtx_trylock_at(struct weft_bsd_mtx *m, int spin,
			    const struct weft_loc *loc);
/* Release m.  Never blocks; a scheduling point.  Releasing a mutex the
 * caller does not hold is misuse. */
void weft_bsd_mtx_unlock_at(struct weft_bsd_mtx *m, int spin,
			    const struct weft_loc *loc);
/* mtx_assert: report kind `assertion` when the caller's ownership of m
 * is not what `what` (WEFT_BSD_MA_*) says.  Not a scheduling point: only
 * the caller can change whether it owns m. */
void weft_bsd_mtx_assert_at(const struct weft_bsd_mtx *m, int what,
			    const struct weft_loc *loc);
/* 1 when the caller holds m.  Not a scheduling point. */
int weft_bsd_mtx_owned(const struct weft_bsd_mtx *m);
/* 1 when the caller holds m recursively.  Not a scheduling point. */
int weft_bsd_mtx_recursed(const struct weft_bsd_mtx *m);
/* The caller is about to sleep in what (an sx lock, a taskqueue drain):
 * misuse while it holds a mutex other than Giant, in a callout handler
 * or in a critical section, as WITNESS reports.  Not a scheduling
 * point. */
void weft_bsd_may_sleep(const char *what, const struct weft_loc *loc);
/* The caller is about to take a lock that may block (an rw lock):
 * misuse inside a critical section, as WITNESS reports.  Not a
 * scheduling point. */
void weft_bsd_may_block(const char *what, const struct weft_loc *loc);
/* Giant let go while the caller blocks, as FreeBSD's sleeps do
 * (DROP_GIANT, GIANT_SAVE): drop releases every hold of Giant the caller
 * has and returns how many, pickup takes that many back.  Scheduling
 * points when Giant is held. */
int weft_bsd_giant_drop_at(const struct weft_loc *loc);
void weft_bsd_giant_pickup_at(int depth, const struct weft_loc *loc);
/* sx_xlock (shared 0) and sx_slock (shared 1) of the kernel lock l:
 * while the lock is busy, the caller waits without Giant, which it takes
 * back once it holds l.  May block. */
struct weft_klock;
void weft_bsd_sx_lock_at(struct weft_klock *l, int shared,
			 const struct weft_loc *loc);
/* sx_xlock_sig and sx_slock_sig: the same, except that a signal may
 * interrupt the wait for a busy lock (an explored choice, once per
 * thread and execution): EINTR or WEFT_BSD_ERESTART, l not taken; else
 * 0.  May block. */
int weft_bsd_sx_lock_sig_at(struct weft_klock *l, int shared,
			    const struct weft_loc *loc);
/* critical_enter and critical_exit: count the caller's critical-section
 * nesting.  Inside a section, sleeping (every call that may sleep checks)
 * and taking a sleep mutex, sx or rw lock is misuse; critical_exit
 * without critical_enter is misuse.  Never block; not scheduling points
 * (only the caller reads its count). */
void weft_bsd_critical_enter_at(const struct weft_loc *loc);
void weft_bsd_critical_exit_at(const struct weft_loc *loc);
/* 1 when m is initialised.  Not a scheduling point. */
int weft_bsd_mtx_initialized(const struct weft_bsd_mtx *m);

/* ---- sleeping on wait channels ----------------------------------------- */

/* Priority bits msleep understands; the priority itself is ignored. */
enum {
	WEFT_BSD_PCATCH = 0x100,
	WEFT_BSD_PDROP = 0x200,
};

/* What an interrupted sleep returns besides EINTR: FreeBSD's ERESTART
 * (the system call is restarted), the host's value where it has one. */
#ifdef ERESTART
#define WEFT_BSD_ERESTART ERESTART
#else
#define WEFT_BSD_ERESTART (-1)
#endif

/* Sleep on wait channel chan until wakeup(chan), atomically releasing the
 * interlock m (a sleep mutex the caller holds, or NULL) and re-acquiring
 * it before returning unless pri has PDROP.  Blocks.  With timo > 0 the
 * sleep may also time out at any point the explorer chooses; the result
 * is then the host's EWOULDBLOCK, else 0.  spin != 0 is msleep_spin (the interlock is
 * a spin mutex).  With PCATCH in pri a signal may interrupt the sleep,
 * an explored choice made once per thread and execution: the result is
 * then EINTR or WEFT_BSD_ERESTART, with the interlock taken back.
 * Sleeping inside a callout handler, or while holding a mutex other than
 * the interlock and Giant, is misuse.  The waker's past happens before
 * the sleeper's return. */
int weft_bsd_msleep_at(const void *chan, struct weft_bsd_mtx *m, int pri,
		       const char *wmesg, int timo, int spin,
		       const struct weft_loc *loc);
/* The same, with the caller's name for the sleep in reports and traces
 * (pause, cv_wait, ...); NULL names it by its arguments, as
 * weft_bsd_msleep_at does. */
int weft_bsd_sleep_as_at(const char *name, const void *chan,
			 struct weft_bsd_mtx *m, int pri, const char *wmesg,
			 int timo, int spin, const struct weft_loc *loc);
/* cv_destroy(cv): a step on the cv's channel; a thread still asleep on
 * it (not yet woken) is misuse, as INVARIANTS asserts. */
void weft_bsd_cv_destroy_at(const void *cv, const struct weft_loc *loc);
/* sx_sleep and rw_sleep: the same sleep with kernel lock l (an sx or
 * rw lock) as the interlock, held exclusively or, shared != 0, shared;
 * it is released once the thread is on the channel's sleep queue and
 * taken back in the same mode after (not with PDROP).  Sleeping while
 * holding another rw lock, or a mutex, is misuse, as with msleep. */
struct weft_klock;
int weft_bsd_lock_sleep_at(const char *name, const void *chan,
			   struct weft_klock *l, int shared, int pri,
			   const char *wmesg, int timo,
			   const struct weft_loc *loc);
/* Wake every thread sleeping on chan (wakeup) or the one that has slept
 * longest (wakeup_one).  Never block; scheduling points. */
void weft_bsd_wakeup_at(const void *chan, const struct weft_loc *loc);
void weft_bsd_wakeup_one_at(const void *chan, const struct weft_loc *loc);

/* ---- malloc(9) ----------------------------------------------------------- */

/* A malloc(9) type: only its name is used, in reports. */
struct weft_bsd_malloc_type {
	const char *shortdesc;
};
enum {
	WEFT_BSD_M_NOWAIT = 0x1,
	WEFT_BSD_M_WAITOK = 0x2,
	WEFT_BSD_M_ZERO = 0x100,
};
extern struct weft_bsd_malloc_type weft_bsd_M_DEVBUF, weft_bsd_M_TEMP;

/* Allocate tracked memory (see weft/alloc.h).  M_WAITOK may sleep: doing
 * it in a callout handler or with a mutex held is misuse; it never fails.
 * M_NOWAIT may return NULL, as the search chooses (--alloc-fail): a
 * scheduling point then, the choice's step; never otherwise. */
void *weft_bsd_malloc_at(size_t size, struct weft_bsd_malloc_type *type,
			 int flags, const struct weft_loc *loc);
/* Free memory from weft_bsd_malloc_at.  Freeing a block that contains a
 * callout which is still pending, running or migrating is misuse; a later
 * access to the block is use-after-free.  Not a scheduling point. */
void weft_bsd_free_at(void *p, struct weft_bsd_malloc_type *type,
		      const struct weft_loc *loc);

/* ---- epoch(9) ------------------------------------------------------------
 *
 * An epoch is a grace-period domain of weft's RCU model (weft/rcu.h):
 * epoch_enter and epoch_exit are its read sections (they nest, and
 * readers do not affect one another), epoch_wait is a grace period and
 * epoch_call queues a callback that runs after one, in the domain's own
 * thread.  An epoch in use by a reader or a waiter when freed is misuse. */

struct weft_bsd_epoch_ctx {
	struct weft_rcu_head head;
	void (*fn)(struct weft_bsd_epoch_ctx *);
};

/* epoch_alloc's flags (FreeBSD's EPOCH_* values). */
enum {
	WEFT_BSD_EPOCH_PREEMPT = 0x1, /* readers may be preempted (and
					 take sleep mutexes) */
	WEFT_BSD_EPOCH_LOCKED = 0x2,  /* epoch_wait_preempt may be called
					 with locks held */
};

/* A new epoch for this execution (epoch_alloc, with its flags); the
 * network stack's net_epoch_preempt (EPOCH_PREEMPT).  Never block. */
struct weft_rcu_domain *weft_bsd_epoch_alloc(const char *name, int flags,
					     const struct weft_loc *loc);
struct weft_rcu_domain *weft_bsd_net_epoch(void);
/* epoch_free: misuse with a reader inside or a callback pending.  Never
 * blocks. */
void weft_bsd_epoch_free(struct weft_rcu_domain *e, const struct weft_loc *loc);
/* epoch_wait (preempt 0) and epoch_wait_preempt (preempt 1): wait for a
 * grace period of e.  Blocks.  epoch_wait_preempt may sleep: with a mutex
 * other than Giant held, in a critical section or in a callout handler it
 * is misuse, as WITNESS reports ("epoch_wait() can be long running"),
 * unless e is EPOCH_LOCKED (then only a critical section is misuse).
 * epoch_wait spins in a critical section of its own, which FreeBSD allows
 * there; each on an epoch of the other kind is misuse (the kernel's
 * assertions on the epoch's flags). */
void weft_bsd_epoch_wait(struct weft_rcu_domain *e, int preempt,
			 const struct weft_loc *loc);
/* epoch_call: fn(ctx) runs after a grace period of e.  Never blocks. */
void weft_bsd_epoch_call(struct weft_rcu_domain *e,
			 void (*fn)(struct weft_bsd_epoch_ctx *),
			 struct weft_bsd_epoch_ctx *ctx,
			 const struct weft_loc *loc);

#endif
