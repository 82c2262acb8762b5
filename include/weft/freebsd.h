/* weft/freebsd.h - FreeBSD kernel spellings mapped onto weft's models.
 *
 * Include this (instead of the kernel's headers) to run FreeBSD-style
 * kernel code under weft: mutex(9), msleep(9)/wakeup(9), malloc(9)/free(9)
 * and callout(9).  Every name here is a macro or a wrapper struct over a
 * weft_-prefixed function from <weft/bsd.h> or <weft/callout.h>, passing
 * the caller's location so reports show the test's own lines.
 *
 * A program includes either this header or <weft/linux.h>, not both: the
 * two kernels spell some names (msleep) differently.  This header defines
 * malloc and free as macros with the kernel's arguments, so it includes
 * <stdlib.h> first; include other system headers before it. */
#ifndef WEFT_FREEBSD_H
#define WEFT_FREEBSD_H

#include <errno.h>
#include <stdlib.h>
#include <weft/weft.h>
#include <weft/bsd.h>
#include <weft/callout.h>

/* ---- mutex(9) ------------------------------------------------------------ */

struct mtx {
	struct weft_bsd_mtx m;
};

#define MTX_DEF WEFT_BSD_MTX_DEF
#define MTX_SPIN WEFT_BSD_MTX_SPIN
#define MTX_RECURSE WEFT_BSD_MTX_RECURSE
#define MTX_NOWITNESS WEFT_BSD_MTX_NOWITNESS
#define MTX_DUPOK WEFT_BSD_MTX_DUPOK
#define MTX_NEW WEFT_BSD_MTX_NEW
#define MTX_QUIET 0
#define MTX_NOPROFILE 0

#define MA_OWNED WEFT_BSD_MA_OWNED
#define MA_NOTOWNED WEFT_BSD_MA_NOTOWNED
#define MA_RECURSED WEFT_BSD_MA_RECURSED
#define MA_NOTRECURSED WEFT_BSD_MA_NOTRECURSED

/* An interlock may be NULL (msleep without one), so the wrapper is
 * unwrapped by a function rather than by taking a member address. */
static inline struct weft_bsd_mtx *weft__bsd_mtxp(struct mtx *m)
{
	return m ? &m->m : (struct weft_bsd_mtx *)0;
}

#define mtx_init(mp, name, type, opts)                                        \
	weft_bsd_mtx_init_at(&(mp)->m, (name), (type), (opts), WEFT_HERE)
#define mtx_destroy(mp) weft_bsd_mtx_destroy_at(&(mp)->m, WEFT_HERE)
#define mtx_lock(mp) weft_bsd_mtx_lock_at(&(mp)->m, 0, WEFT_HERE)
#define mtx_lock_spin(mp) weft_bsd_mtx_lock_at(&(mp)->m, 1, WEFT_HERE)
#define mtx_trylock(mp) weft_bsd_mtx_trylock_at(&(mp)->m, 0, WEFT_HERE)
#define mtx_trylock_spin(mp) weft_bsd_mtx_trylock_at(&(mp)->m, 1, WEFT_HERE)
#define mtx_unlock(mp) weft_bsd_mtx_unlock_at(&(mp)->m, 0, WEFT_HERE)
#define mtx_unlock_spin(mp) weft_bsd_mtx_unlock_at(&(mp)->m, 1, WEFT_HERE)
#define mtx_assert(mp, what) weft_bsd_mtx_assert_at(&(mp)->m, (what), WEFT_HERE)
#define mtx_owned(mp) weft_bsd_mtx_owned(&(mp)->m)
#define mtx_recursed(mp) weft_bsd_mtx_recursed(&(mp)->m)
#define mtx_initialized(mp) weft_bsd_mtx_initialized(&(mp)->m)
#define mtx_name(mp) ((mp)->m.name)

/* Giant is a struct mtx in the kernel; here it is weft's Giant, reached
 * through a pointer of the wrapper type. */
#define Giant (*(struct mtx *)(void *)&weft_bsd_giant)

/* ---- msleep(9) ------------------------------------------------------------ */

#define PCATCH WEFT_BSD_PCATCH
#define PDROP WEFT_BSD_PDROP
#define PVM 4
#define PZERO 84
#define PRIBIO 16
#define PSOCK 24
#define PWAIT 32
#define PLOCK 36
#define PPAUSE 40

#define msleep(chan, mp, pri, wmesg, timo)                                    \
	weft_bsd_msleep_at((chan), weft__bsd_mtxp(mp), (pri), (wmesg),        \
			   (timo), 0, WEFT_HERE)
#define mtx_sleep(chan, mp, pri, wmesg, timo) msleep(chan, mp, pri, wmesg, timo)
#define msleep_spin(chan, mp, wmesg, timo)                                    \
	weft_bsd_msleep_at((chan), weft__bsd_mtxp(mp), 0, (wmesg), (timo), 1, \
			   WEFT_HERE)
#define tsleep(chan, pri, wmesg, timo)                                        \
	weft_bsd_msleep_at((chan), (struct weft_bsd_mtx *)0, (pri), (wmesg),  \
			   (timo), 0, WEFT_HERE)
#define wakeup(chan) weft_bsd_wakeup_at((chan), WEFT_HERE)
#define wakeup_one(chan) weft_bsd_wakeup_one_at((chan), WEFT_HERE)

/* Virtual time: ticks advance when a softclock thread fires a callout.
 * These are variables, as in the kernel, so a local of the same name
 * still compiles. */
#define hz weft_bsd_hz
#define ticks weft_bsd_ticks
#define mp_ncpus weft_bsd_mp_ncpus
#define curcpu (weft_callout_curcpu())

/* ---- malloc(9) ------------------------------------------------------------ */

#define malloc_type weft_bsd_malloc_type
#define MALLOC_DEFINE(type, shortdesc, longdesc)                              \
	struct weft_bsd_malloc_type type[1] = { { (shortdesc) } }
#define MALLOC_DECLARE(type) extern struct weft_bsd_malloc_type type[1]
#define M_DEVBUF (&weft_bsd_M_DEVBUF)
#define M_TEMP (&weft_bsd_M_TEMP)
#define M_NOWAIT WEFT_BSD_M_NOWAIT
#define M_WAITOK WEFT_BSD_M_WAITOK
#define M_ZERO WEFT_BSD_M_ZERO

#define malloc(size, type, flags)                                             \
	weft_bsd_malloc_at((size), (type), (flags), WEFT_HERE)
#define free(p, type) weft_bsd_free_at((p), (type), WEFT_HERE)

/* ---- callout(9) ----------------------------------------------------------- */

struct callout {
	struct weft_callout c;
};
typedef weft_callout_func_t callout_func_t;
typedef weft_callout_func_t timeout_t;

#define CALLOUT_RETURNUNLOCKED WEFT_CALLOUT_RETURNUNLOCKED
#define CALLOUT_SHAREDLOCK WEFT_CALLOUT_SHAREDLOCK
#define CALLOUT_MPSAFE 1

#define callout_init(cp, mpsafe)                                              \
	weft_callout_init_at(&(cp)->c, (mpsafe), WEFT_HERE)
#define callout_init_mtx(cp, mp, flags)                                       \
	weft_callout_init_mtx_at(&(cp)->c, &(mp)->m, (flags), WEFT_HERE)
#define callout_reset_on(cp, t, fn, arg, cpu)                                 \
	weft_callout_reset_on_at(&(cp)->c, (t), (fn), (arg), (cpu), WEFT_HERE)
#define callout_reset(cp, t, fn, arg)                                         \
	weft_callout_reset_on_at(&(cp)->c, (t), (fn), (arg), -1, WEFT_HERE)
#define callout_reset_curcpu(cp, t, fn, arg)                                  \
	weft_callout_reset_on_at(&(cp)->c, (t), (fn), (arg),                  \
				 weft_callout_curcpu(), WEFT_HERE)
#define callout_schedule_on(cp, t, cpu)                                       \
	weft_callout_schedule_on_at(&(cp)->c, (t), (cpu), WEFT_HERE)
#define callout_schedule(cp, t)                                               \
	weft_callout_schedule_on_at(&(cp)->c, (t), -1, WEFT_HERE)
#define callout_schedule_curcpu(cp, t)                                        \
	weft_callout_schedule_on_at(&(cp)->c, (t), weft_callout_curcpu(),     \
				    WEFT_HERE)
#define callout_stop(cp) weft_callout_stop_at(&(cp)->c, WEFT_HERE)
#define callout_drain(cp) weft_callout_drain_at(&(cp)->c, WEFT_HERE)
#define callout_pending(cp) weft_callout_pending_at(&(cp)->c, WEFT_HERE)
#define callout_active(cp) weft_callout_active_at(&(cp)->c, WEFT_HERE)
#define callout_deactivate(cp) weft_callout_deactivate_at(&(cp)->c, WEFT_HERE)

/* ---- helpers kernel code expects -------------------------------------------- */

#define KASSERT(cond, msg)                                                    \
	((cond) ? (void)0 : weft_assert_fail("KASSERT(" #cond ")", WEFT_HERE))
#define MPASS(cond)                                                           \
	((cond) ? (void)0 : weft_assert_fail("MPASS(" #cond ")", WEFT_HERE))

/* Kernel code uses volatile as a marked access (the old ACCESS_ONCE, a
 * field read without its lock on purpose): with the kernel models,
 * volatile accesses are relaxed atomics for the race detector. */
__attribute__((constructor)) static void weft_kernel_volatile_(void)
{
	weft_volatile_marked(1);
}

#endif
