/* sys/weft_freebsd.h - what every header of weft's FreeBSD kernel header
 * tree (include/kernel/sys/) includes: <weft/freebsd.h> (mutex(9),
 * msleep(9), malloc(9), callout(9)) plus sx(9) and rwlock(9) over weft's
 * kernel locks, taskqueue(9) over weft's workqueues, and the small names
 * of <sys/param.h> and <sys/systm.h>.
 *
 * Compile FreeBSD kernel source with -I<weft>/include/kernel first on the
 * include path (weft-cc --kernel=freebsd).  What is not modelled does not
 * compile: "weft does not model ...".
 *
 * The sx and rw locks are weft's kernel locks (lock-order graph, deadlock
 * and misuse checks, happens-before), so they and the mtx locks share one
 * lock-order graph.  Sleeping with an rw lock held is reported as misuse;
 * msleep(9)'s own check of the locks held covers mtx only, so sleeping on
 * a wait channel with an sx lock held is not reported (FreeBSD allows it
 * for sx anyway). */
#ifndef WEFT_KERNEL_SYS_FREEBSD_H
#define WEFT_KERNEL_SYS_FREEBSD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>

#include <machine/atomic.h>
#include <weft/katomic.h>
#include <weft/klock.h>
#include <linux/weft_ext.h>
#include <weft/freebsd.h>

#if defined(__clang__) || (defined(__GNUC__) && __GNUC__ >= 12)
#define WEFT_BSD_UNMODELLED(what)                                             \
	__attribute__((unavailable("weft does not model " what)))
#else
#define WEFT_BSD_UNMODELLED(what)                                             \
	__attribute__((error("weft does not model " what)))
#endif

/* ---- sys/param.h, sys/systm.h ----------------------------------------------- */

#ifndef MIN
#define MIN(a, b) (((a) < (b)) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b) (((a) > (b)) ? (a) : (b))
#endif
#define imin(a, b) MIN((int)(a), (int)(b))
#define imax(a, b) MAX((int)(a), (int)(b))
#define nitems(x) (sizeof(x) / sizeof((x)[0]))
#define howmany(x, y) (((x) + ((y) - 1)) / (y))
#define roundup(x, y) ((((x) + ((y) - 1)) / (y)) * (y))
#define rounddown(x, y) (((x) / (y)) * (y))
#define powerof2(x) ((((x) - 1) & (x)) == 0)
#define __unused __attribute__((unused))
#define __packed __attribute__((packed))
#define __aligned(x) __attribute__((aligned(x)))
#define __predict_true(e) __builtin_expect(!!(e), 1)
#define __predict_false(e) __builtin_expect(!!(e), 0)
#define __containerof(p, t, f) ((t *)(void *)((char *)(p) - offsetof(t, f)))
#define __DECONST(type, var) ((type)(uintptr_t)(const void *)(var))
#define __FBSDID(s) struct weft_bsd_decl_
#define MAXCPU 64
#define NBBY 8
#define INVARIANTS 1
#define panic(...)                                                            \
	weft_report("crash", WEFT_HERE, "panic")
#define pause(wmesg, timo)                                                    \
	((void)weft_bsd_sleep_as_at("pause", &weft_bsd_pause_chan_,           \
				    (struct weft_bsd_mtx *)0, 0, (wmesg),     \
				    (timo) > 0 ? (timo) : 1, 0, WEFT_HERE))
static char weft_bsd_pause_chan_ __attribute__((unused));
#define log(level, ...) ((void)(level))
/* A per-thread nesting count: sleeping, or taking a lock that blocks,
 * inside a critical section is misuse (weft/bsd.h). */
#define critical_enter() weft_bsd_critical_enter_at(WEFT_HERE)
#define critical_exit() weft_bsd_critical_exit_at(WEFT_HERE)

/* ---- sys/kernel.h ---------------------------------------------------------- */

#define SYSINIT(uniq, sub, order, func, ident)                                \
	static inline void weft_bsd_sysinit_##uniq(void)                      \
	{                                                                     \
		func(__DECONST(void *, ident));                               \
	}                                                                     \
	struct weft_bsd_decl_
#define SYSUNINIT(uniq, sub, order, func, ident)                              \
	static inline void weft_bsd_sysuninit_##uniq(void)                    \
	{                                                                     \
		func(__DECONST(void *, ident));                               \
	}                                                                     \
	struct weft_bsd_decl_
/* MTX_SYSINIT: mtx_init of a static mutex before the test starts, as
 * FreeBSD's SYSINIT does at boot: a constructor, which runs before weft
 * saves the program's data, so every execution starts with the mutex
 * initialised and free (weft/bsd.h: weft_bsd_mtx_sysinit). */
#define MTX_SYSINIT(name, mtx, desc, opts)                                    \
	__attribute__((constructor)) static void weft_bsd_mtx_sysinit_##name( \
		void)                                                         \
	{                                                                     \
		weft_bsd_mtx_sysinit(&(mtx)->m, (desc), (opts));              \
	}                                                                     \
	struct weft_bsd_decl_
#define SI_SUB_LOCK 0
#define SI_SUB_DRIVERS 0
#define SI_SUB_CONFIGURE 0
#define SI_ORDER_FIRST 0
#define SI_ORDER_ANY 0
#define SI_ORDER_MIDDLE 0

/* ---- sys/lock.h ------------------------------------------------------------- */

#define LA_UNLOCKED 0x00
#define LA_SLOCKED 0x01
#define LA_XLOCKED 0x04
#define LA_LOCKED (LA_SLOCKED | LA_XLOCKED)
#define LA_RECURSED 0x08
#define LA_NOTRECURSED 0x10

/* ---- sx(9) ------------------------------------------------------------------ */

struct sx {
	struct weft_klock l;
};
#define SX_DUPOK 0x01
#define SX_NOWITNESS 0x02
#define SX_RECURSE 0x08
#define SX_NEW 0x20
#define SA_UNLOCKED LA_UNLOCKED
#define SA_SLOCKED LA_SLOCKED
#define SA_XLOCKED LA_XLOCKED
#define SA_LOCKED LA_LOCKED
#define SA_RECURSED LA_RECURSED
#define SA_NOTRECURSED LA_NOTRECURSED
#define sx_init(sx, name)                                                     \
	weft_klock_init(&(sx)->l, WEFT_KLOCK_RWSEM | WEFT_KLOCK_BSD, (name),   \
			WEFT_HERE)
#define sx_init_flags(sx, name, flags)                                        \
	weft_klock_init(&(sx)->l,                                             \
			WEFT_KLOCK_RWSEM | WEFT_KLOCK_BSD |                   \
				(((flags) & SX_RECURSE) ? WEFT_KLOCK_RECURSE  \
							: 0) |                \
				(((flags) & SX_NEW) ? WEFT_KLOCK_NEW : 0),        \
			(name), WEFT_HERE)
#define sx_destroy(sx) weft_klock_destroy(&(sx)->l, "sx_destroy", WEFT_HERE)
/* sx locks sleep: taking one while holding a mutex is misuse (WITNESS).
 * A caller that waits for a busy one lets Giant go meanwhile, as
 * _sx_xlock_hard's GIANT_SAVE does. */
#define sx_xlock(sx)                                                          \
	(weft_bsd_may_sleep("sx_xlock", WEFT_HERE),                           \
	 weft_bsd_sx_lock_at(&(sx)->l, 0, WEFT_HERE))
#define sx_xlock_sig(sx)                                                      \
	(weft_bsd_may_sleep("sx_xlock_sig", WEFT_HERE),                       \
	 weft_bsd_sx_lock_sig_at(&(sx)->l, 0, WEFT_HERE))
#define sx_slock(sx)                                                          \
	(weft_bsd_may_sleep("sx_slock", WEFT_HERE),                           \
	 weft_bsd_sx_lock_at(&(sx)->l, 1, WEFT_HERE))
#define sx_slock_sig(sx)                                                      \
	(weft_bsd_may_sleep("sx_slock_sig", WEFT_HERE),                       \
	 weft_bsd_sx_lock_sig_at(&(sx)->l, 1, WEFT_HERE))
#define sx_xunlock(sx) weft_klock_unlock(&(sx)->l, WEFT_HERE)
#define sx_sunlock(sx) weft_klock_read_unlock(&(sx)->l, WEFT_HERE)
#define sx_try_xlock(sx) weft_klock_trylock(&(sx)->l, WEFT_HERE)
#define sx_try_slock(sx) weft_klock_tryread(&(sx)->l, WEFT_HERE)
#define sx_downgrade(sx) weft_klock_downgrade(&(sx)->l, WEFT_HERE)
#define sx_xlocked(sx) (weft_klock_held(&(sx)->l) && (sx)->l.owner != 0)
#define sx_unlock(sx)                                                         \
	do {                                                                  \
		if (sx_xlocked(sx))                                           \
			sx_xunlock(sx);                                       \
		else                                                          \
			sx_sunlock(sx);                                       \
	} while (0)
WEFT_BSD_UNMODELLED("sx_try_upgrade")
int weft_bsd_sx_try_upgrade(void);
#define sx_try_upgrade(sx) weft_bsd_sx_try_upgrade()
/* sleep(9) with the lock as interlock, taken back in the mode it was
 * held in. */
#define sx_sleep(chan, sx, pri, wmesg, timo)                                  \
	(__extension__({                                                      \
		__typeof__(sx) weft_ss_ = (sx);                               \
		weft_bsd_lock_sleep_at("sx_sleep", (chan), &weft_ss_->l,      \
				       !sx_xlocked(weft_ss_), (pri), (wmesg), \
				       (timo), WEFT_HERE);                    \
	}))
static inline void weft_bsd_lock_assert(const struct weft_klock *l, int what,
					const char *name,
					const struct weft_loc *loc)
{
	int held = weft_klock_held(l), x = held && l->owner != 0;
	int ok = 1;

	switch (what & (LA_LOCKED)) {
	case LA_UNLOCKED:
		ok = !held;
		break;
	case LA_SLOCKED:
		ok = held && !x;
		break;
	case LA_XLOCKED:
		ok = x;
		break;
	default:
		ok = held;
		break;
	}
	if (!ok)
		weft_report("assertion", loc, "%s: lock %s is not held as "
			    "asserted (%#x)", name, l->name ? l->name : "?",
			    what);
}
#define sx_assert(sx, what)                                                   \
	weft_bsd_lock_assert(&(sx)->l, (what), "sx_assert", WEFT_HERE)

/* ---- rwlock(9): a reader/writer lock whose holders may not sleep ---------- */

struct rwlock {
	struct weft_klock l;
};
#define RW_DUPOK 0x01
#define RW_NOWITNESS 0x04
#define RW_RECURSE 0x10
#define RW_NEW 0x40
#define RA_UNLOCKED LA_UNLOCKED
#define RA_RLOCKED LA_SLOCKED
#define RA_WLOCKED LA_XLOCKED
#define RA_LOCKED LA_LOCKED
#define RA_RECURSED LA_RECURSED
#define RA_NOTRECURSED LA_NOTRECURSED
#define rw_init(rw, name)                                                     \
	weft_klock_init(&(rw)->l, WEFT_KLOCK_RWLOCK | WEFT_KLOCK_BSD, (name),  \
			WEFT_HERE)
#define rw_init_flags(rw, name, flags)                                        \
	weft_klock_init(&(rw)->l,                                             \
			WEFT_KLOCK_RWLOCK | WEFT_KLOCK_BSD |                  \
				(((flags) & RW_RECURSE) ? WEFT_KLOCK_RECURSE  \
							: 0) |                \
				(((flags) & RW_NEW) ? WEFT_KLOCK_NEW : 0),        \
			(name), WEFT_HERE)
#define rw_destroy(rw) weft_klock_destroy(&(rw)->l, "rw_destroy", WEFT_HERE)
/* rw locks block (on a turnstile): not in a critical section. */
#define rw_rlock(rw)                                                          \
	(weft_bsd_may_block("rw_rlock", WEFT_HERE),                           \
	 weft_klock_read(&(rw)->l, WEFT_HERE))
#define rw_runlock(rw) weft_klock_read_unlock(&(rw)->l, WEFT_HERE)
#define rw_wlock(rw)                                                          \
	(weft_bsd_may_block("rw_wlock", WEFT_HERE),                           \
	 weft_klock_lock(&(rw)->l, WEFT_HERE))
#define rw_wunlock(rw) weft_klock_unlock(&(rw)->l, WEFT_HERE)
#define rw_try_rlock(rw) weft_klock_tryread(&(rw)->l, WEFT_HERE)
#define rw_try_wlock(rw) weft_klock_trylock(&(rw)->l, WEFT_HERE)
#define rw_downgrade(rw) weft_klock_downgrade(&(rw)->l, WEFT_HERE)
#define rw_wowned(rw) (weft_klock_held(&(rw)->l) && (rw)->l.owner != 0)
#define rw_unlock(rw)                                                         \
	do {                                                                  \
		if (rw_wowned(rw))                                            \
			rw_wunlock(rw);                                       \
		else                                                          \
			rw_runlock(rw);                                       \
	} while (0)
#define rw_assert(rw, what)                                                   \
	weft_bsd_lock_assert(&(rw)->l, (what), "rw_assert", WEFT_HERE)
WEFT_BSD_UNMODELLED("rw_try_upgrade")
int weft_bsd_rw_try_upgrade(void);
#define rw_try_upgrade(rw) weft_bsd_rw_try_upgrade()
#define rw_sleep(chan, rw, pri, wmesg, timo)                                  \
	(__extension__({                                                      \
		__typeof__(rw) weft_rs_ = (rw);                               \
		weft_bsd_lock_sleep_at("rw_sleep", (chan), &weft_rs_->l,      \
				       !rw_wowned(weft_rs_), (pri), (wmesg),  \
				       (timo), WEFT_HERE);                    \
	}))

/* ---- taskqueue(9) ------------------------------------------------------------ */

typedef void task_fn_t(void *context, int pending);
struct task {
	struct weft_bsd_task t;
};
struct taskqueue {
	struct weft_bsd_taskqueue q;
};
typedef void (*taskqueue_enqueue_fn)(void *context);
static inline void taskqueue_thread_enqueue(void *context)
{
	(void)context;
}
#define taskqueue_swi_enqueue taskqueue_thread_enqueue
#define taskqueue_fast_enqueue taskqueue_thread_enqueue
#define TASK_INIT(task, prio, func, ctx)                                      \
	weft_bsd_task_init(&(task)->t, (prio), (func), (ctx), #func, WEFT_HERE)
#define TASK_INITIALIZER(prio, func, ctx)                                     \
	{ { .work = WEFT_WORK_INIT(weft_bsd_task_run_unmodelled, #func) } }
#define taskqueue_create(name, mflags, enqueue, ctx)                          \
	((void)(mflags), (void)(enqueue), (void)(ctx),                        \
	 (struct taskqueue *)(void *)weft_bsd_taskqueue_create((name),        \
							       WEFT_HERE))
#define taskqueue_create_fast(name, mflags, enqueue, ctx)                     \
	taskqueue_create(name, mflags, enqueue, ctx)
#define taskqueue_start_threads(tqp, n, pri, ...)                             \
	((void)(pri), weft_bsd_taskqueue_start_threads(&(*(tqp))->q, (n),     \
						       WEFT_HERE))
#define taskqueue_free(tq) weft_bsd_taskqueue_free(&(tq)->q, WEFT_HERE)
#define taskqueue_enqueue(tq, task)                                           \
	weft_bsd_taskqueue_enqueue(&(tq)->q, &(task)->t, WEFT_HERE)
#define taskqueue_drain(tq, task)                                             \
	(weft_bsd_may_sleep("taskqueue_drain", WEFT_HERE),                    \
	 weft_bsd_taskqueue_drain(&(tq)->q, &(task)->t, WEFT_HERE))
#define taskqueue_drain_all(tq)                                               \
	(weft_bsd_may_sleep("taskqueue_drain_all", WEFT_HERE),                \
	 weft_bsd_taskqueue_drain_all(&(tq)->q, WEFT_HERE))
#define taskqueue_cancel(tq, task, pendp)                                     \
	weft_bsd_taskqueue_cancel(&(tq)->q, &(task)->t, (pendp), WEFT_HERE)
/* taskqueue_thread, the system queue: one thread
 * (weft_bsd_system_taskqueue), so its tasks run one at a time in
 * priority order (enqueueing order within a priority).  The
 * software-interrupt queues run in threads of their own, concurrently
 * with it: one queue for all would hide races between their tasks, so
 * they are not modelled. */
#define taskqueue_thread                                                      \
	((struct taskqueue *)(void *)weft_bsd_system_taskqueue())
WEFT_BSD_UNMODELLED("the software-interrupt taskqueues (taskqueue_swi, "
		    "taskqueue_swi_giant, taskqueue_fast)")
struct taskqueue *weft_bsd_swi_taskqueue(void);
#define taskqueue_swi weft_bsd_swi_taskqueue()
#define taskqueue_swi_giant weft_bsd_swi_taskqueue()
#define taskqueue_fast weft_bsd_swi_taskqueue()
WEFT_BSD_UNMODELLED("timeout tasks (struct timeout_task)")
void weft_bsd_task_run_unmodelled(struct weft_work *w);
#define TIMEOUT_TASK_INIT(tq, tt, prio, func, ctx) weft_bsd_task_run_unmodelled(0)
#define taskqueue_enqueue_timeout(tq, tt, t) weft_bsd_task_run_unmodelled(0)
#define taskqueue_drain_timeout(tq, tt) weft_bsd_task_run_unmodelled(0)
#define taskqueue_cancel_timeout(tq, tt, p) weft_bsd_task_run_unmodelled(0)
/* struct timeout_task: declared, so that a softc holding one compiles to
 * the message above rather than to "storage size isn't known". */
struct timeout_task {
	struct task t;
};
WEFT_BSD_UNMODELLED("blocking a taskqueue (taskqueue_block, "
		    "taskqueue_unblock, taskqueue_quiesce)")
void weft_bsd_taskqueue_block_unmodelled(void);
#define taskqueue_block(tq) weft_bsd_taskqueue_block_unmodelled()
#define taskqueue_unblock(tq) weft_bsd_taskqueue_block_unmodelled()
#define taskqueue_quiesce(tq) weft_bsd_taskqueue_block_unmodelled()
WEFT_BSD_UNMODELLED("this callout call (callout_async_drain, "
		    "callout_reset_sbt, callout_init_rw, callout_init_rm: use "
		    "callout_drain, callout_reset, callout_init_mtx)")
int weft_bsd_callout_unmodelled(void);
#define callout_async_drain(c, fn) weft_bsd_callout_unmodelled()
#define callout_reset_sbt(c, sbt, pr, fn, arg, flags)                         \
	weft_bsd_callout_unmodelled()
#define callout_reset_sbt_on(c, sbt, pr, fn, arg, cpu, flags)                 \
	weft_bsd_callout_unmodelled()
#define callout_init_rw(c, rw, flags) weft_bsd_callout_unmodelled()
#define callout_init_rm(c, rm, flags) weft_bsd_callout_unmodelled()

/* DELAY(9): a busy wait, which sleeps no one and orders nothing; a
 * scheduling point, as the kernel may be preempted in it, and a round of
 * a spin. */
#define DELAY(us) weft_bsd_delay_at(WEFT_HERE)

/* ---- condvar(9) ------------------------------------------------------------
 *
 * FreeBSD builds condition variables and msleep on the same sleep
 * queues: cv_wait sleeps on the condition variable as a wait channel
 * with its mutex as the interlock (released once the thread is on the
 * queue, taken again before it returns), cv_signal wakes the waiter that
 * has slept longest (wakeup_one), cv_broadcast every waiter.  Only sleep
 * mutexes as the lock (an sx or rw lock as cv_wait's lock does not
 * compile).  The _sig forms sleep with PCATCH: a signal may interrupt
 * them (EINTR or ERESTART, an explored choice, once per thread and
 * execution); cv_timedwait returns EWOULDBLOCK when its timo ticks
 * pass. */
struct cv {
	const char *cv_description;
};
#define cv_init(cvp, desc) ((void)((cvp)->cv_description = (desc)))
#define cv_destroy(cvp) weft_bsd_cv_destroy_at((cvp), WEFT_HERE)
#define cv_wmesg(cvp) ((cvp)->cv_description)
#define WEFT_BSD_CV_SLEEP_(name, cvp, mp, pri, timo)                          \
	weft_bsd_sleep_as_at((name), (cvp), weft__bsd_mtxp(mp), (pri),        \
			     (cvp)->cv_description, (timo), 0, WEFT_HERE)
#define cv_wait(cvp, mp) ((void)WEFT_BSD_CV_SLEEP_("cv_wait", cvp, mp, 0, 0))
#define cv_wait_unlock(cvp, mp)                                               \
	((void)WEFT_BSD_CV_SLEEP_("cv_wait_unlock", cvp, mp, PDROP, 0))
#define cv_wait_sig(cvp, mp)                                                  \
	WEFT_BSD_CV_SLEEP_("cv_wait_sig", cvp, mp, PCATCH, 0)
#define cv_timedwait(cvp, mp, timo)                                           \
	WEFT_BSD_CV_SLEEP_("cv_timedwait", cvp, mp, 0,                        \
			   (timo) > 0 ? (timo) : 1)
#define cv_timedwait_sig(cvp, mp, timo)                                       \
	WEFT_BSD_CV_SLEEP_("cv_timedwait_sig", cvp, mp, PCATCH,               \
			   (timo) > 0 ? (timo) : 1)
#define cv_signal(cvp) wakeup_one(cvp)
#define cv_broadcast(cvp) wakeup(cvp)
#define cv_broadcastpri(cvp, pri) ((void)(pri), wakeup(cvp))

#endif
