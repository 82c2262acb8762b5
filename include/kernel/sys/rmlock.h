/* sys/rmlock.h - weft's FreeBSD kernel header tree: rmlock(9), the
 * read-mostly locks, over weft's kernel locks as rwlock(9) and sx(9) are
 * (sys/weft_freebsd.h): one lock-order graph with the mutexes, deadlock
 * and misuse checks, happens-before from a write unlock to the next read
 * lock.  A lock made with RM_SLEEPABLE is an sx lock (its holder may
 * sleep; taking it with a mutex held is misuse), any other an rw lock
 * (sleeping while holding it is misuse).  rmlock(9) forbids sleeping to
 * the readers of a sleepable lock too; weft does not check that.  The
 * priority tracker is the caller's and is not read: each read lock is a
 * read acquisition of its own, however the trackers are used.  A nested
 * rm_rlock by a reader of a lock made without RM_RECURSE is misuse, as
 * INVARIANTS asserts; reports name the lock an rmlock and its operations
 * rm_*.  Blocking as rwlock(9) and sx(9); the unlocks never block. */
#ifndef WEFT_KERNEL_SYS_RMLOCK_H
#define WEFT_KERNEL_SYS_RMLOCK_H

#include <sys/weft_freebsd.h>

struct rmlock {
	struct weft_klock l;
	int sleepable;
};
struct rm_priotracker {
	void *weft_unused;
};

#define RM_NOWITNESS 0x00000001
#define RM_RECURSE 0x00000002
#define RM_SLEEPABLE 0x00000004
#define RM_NEW 0x00000008
#define RM_DUPOK 0x00000010

static inline void weft_bsd_rm_init_at(struct rmlock *rm, const char *name,
				       int opts, const struct weft_loc *loc)
{
	rm->sleepable = (opts & RM_SLEEPABLE) != 0;
	weft_klock_init(&rm->l,
			(rm->sleepable ? WEFT_KLOCK_RWSEM : WEFT_KLOCK_RWLOCK) |
				WEFT_KLOCK_BSD | WEFT_KLOCK_BSD_RM |
				((opts & RM_RECURSE) ? WEFT_KLOCK_RECURSE : 0) |
				((opts & RM_NEW) ? WEFT_KLOCK_NEW : 0),
			name, loc);
}

static inline void weft_bsd_rm_may_wait(const struct rmlock *rm,
					const char *what,
					const struct weft_loc *loc)
{
	if (rm->sleepable)
		weft_bsd_may_sleep(what, loc);
	else
		weft_bsd_may_block(what, loc);
}

#define rm_init(rm, name) weft_bsd_rm_init_at((rm), (name), 0, WEFT_HERE)
#define rm_init_flags(rm, name, opts)                                         \
	weft_bsd_rm_init_at((rm), (name), (opts), WEFT_HERE)
/* Not a step: it only lets a later rm_init of the memory pass. */
#define rm_destroy(rm) ((void)((rm)->l.live = 0))
#define rm_rlock(rm, tracker)                                                 \
	((void)(tracker), weft_bsd_rm_may_wait((rm), "rm_rlock", WEFT_HERE),  \
	 weft_klock_read(&(rm)->l, WEFT_HERE))
#define rm_try_rlock(rm, tracker)                                             \
	((void)(tracker), weft_klock_tryread(&(rm)->l, WEFT_HERE))
#define rm_runlock(rm, tracker)                                               \
	((void)(tracker), weft_klock_read_unlock(&(rm)->l, WEFT_HERE))
#define rm_wlock(rm)                                                          \
	(weft_bsd_rm_may_wait((rm), "rm_wlock", WEFT_HERE),                   \
	 weft_klock_lock(&(rm)->l, WEFT_HERE))
#define rm_wunlock(rm) weft_klock_unlock(&(rm)->l, WEFT_HERE)
#define rm_wowned(rm) (weft_klock_held(&(rm)->l) && (rm)->l.owner != 0)
/* RA_LOCKED and its kin are rwlock(9)'s (sys/weft_freebsd.h), as in
 * FreeBSD's own headers. */
#define rm_assert(rm, what)                                                   \
	weft_bsd_lock_assert(&(rm)->l, (what), "rm_assert", WEFT_HERE)
#define rm_sleep(chan, rm, pri, wmesg, timo)                                  \
	(__extension__({                                                      \
		__typeof__(rm) weft_rms_ = (rm);                              \
		weft_bsd_lock_sleep_at("rm_sleep", (chan), &weft_rms_->l,     \
				       !rm_wowned(weft_rms_), (pri), (wmesg), (timo), WEFT_HERE); \
	}))

#endif
