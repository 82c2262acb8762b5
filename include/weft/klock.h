/* weft/klock.h - kernel-style locks: spinlocks, sleeping mutexes,
 * reader/writer semaphores and reader/writer spinlocks (rwlock_t).
 *
 * One object type serves all three kinds; the kind decides what the
 * checkers expect of the holder: a spinlock holder must not sleep (any
 * sleeping weft call under it is reported as misuse), a mutex may only be
 * released by its owner.  Every lock takes part in the lock-order graph;
 * its class is keyed by the init site (like lockdep), or by the object
 * itself for statically defined locks. */
#ifndef WEFT_KLOCK_H
#define WEFT_KLOCK_H

#include <weft/loc.h>
#include <weft/rwlock.h>

/* RWLOCK is the kernel's rwlock_t: a reader/writer lock that spins, so
 * its holders must not sleep, exactly like a spinlock's. */
enum { WEFT_KLOCK_SPIN = 1, WEFT_KLOCK_MUTEX, WEFT_KLOCK_RWSEM,
       WEFT_KLOCK_RWLOCK };
/* Or'ed into weft_klock_init's kind: a FreeBSD lock (an RWSEM is an
 * sx(9) lock, an RWLOCK an rw(9) lock), with FreeBSD's names in reports
 * and sx's nesting of shared holds. */
#define WEFT_KLOCK_BSD 0x100
/* Or'ed in too: the exclusive holder may take the lock again, each take
 * undone by one unlock (sx_init_flags(SX_RECURSE), rw_init_flags
 * (RW_RECURSE)); without it a second take by the holder deadlocks. */
#define WEFT_KLOCK_RECURSE 0x200
/* Or'ed in with WEFT_KLOCK_BSD: an rmlock(9), named so in reports, whose
 * read holds do not nest unless WEFT_KLOCK_RECURSE is given too
 * (rm_init_flags(RM_RECURSE)): FreeBSD's rm_rlock panics "recursed on
 * non-recursive rmlock" under INVARIANTS. */
#define WEFT_KLOCK_BSD_RM 0x400
/* Or'ed in with WEFT_KLOCK_BSD: the memory is fresh (SX_NEW, RW_NEW), so
 * the init skips FreeBSD's check for a lock initialised already. */
#define WEFT_KLOCK_NEW 0x800

/* Or'ed into an RWLOCK's kind (at weft_klock_init or in
 * WEFT_KLOCK_INIT): the lock is a seqlock_t's or a seqcount_t's (a
 * seqcount's writers hold it exclusively, a seqlock's locking readers
 * shared), named so in traces and reports, not as an rwlock_t. */
#define WEFT_KLOCK_SEQLOCK 0x1000
#define WEFT_KLOCK_SEQCOUNT 0x2000

/* Whether holders of a lock of this kind spin (and so must not sleep). */
#define WEFT_KLOCK_SPINS(kind)                                                \
	((kind) == WEFT_KLOCK_SPIN || (kind) == WEFT_KLOCK_RWLOCK)

/* The lock's state is the core's reader/writer lock (weft_rwlock_t: the
 * Linux locks are built on it), read here by the kernel's names as well:
 * owner is the rwlock's writer.  The two views have the same layout. */
struct weft_klock {
	union {
		weft_rwlock_t rw;
		struct {
			int owner;   /* exclusive holder's thread id + 1 */
			int readers; /* number of shared holds */
			int cls;     /* lock-order class + 1, set on first use */
			int prefer_writer_;  /* the rwlock's, unused here */
			int writers_queued_;
			const char *name;          /* name in reports */
			const struct weft_loc *acquired; /* where the holder
							    took it */
		};
	};
	int kind;                  /* WEFT_KLOCK_* */
	const struct weft_loc *init;     /* init site (class key), or NULL */
	unsigned char bsd;         /* initialised with WEFT_KLOCK_BSD: 1, or 2
				      with WEFT_KLOCK_BSD_RM too */
	unsigned char recurse;     /* initialised with WEFT_KLOCK_RECURSE */
	int depth;                 /* the holder's takes beyond the first */
	unsigned char live;        /* initialised and not destroyed since */
	/* lockdep_set_class and its kin: the class key that replaces the
	 * init site's (NULL: none), its name, and the subclass. */
	const void *class_key;
	const char *class_name;
	int subclass;
	unsigned char seq;         /* a seqlock's lock: 1, a seqcount's: 2,
				      else 0 (WEFT_KLOCK_SEQLOCK, _SEQCOUNT) */
	/* Read holds taken by down_read_non_owner and not yet given back:
	 * counted in readers, held by no thread (klock_nonowner.c). */
	int nonowner;
};

/* lockdep's subclasses of one key (MAX_LOCKDEP_SUBCLASSES). */
#define WEFT_KLOCK_SUBCLASSES 8

#define WEFT_KLOCK_INIT(kind, name)                                           \
	{ { { 0, 0, 0, 0, 0, (name), 0 } }, (kind) & 0xff, 0, 0, 0, 0, 0, 0,  \
	  0, 0, (unsigned char)((kind) >> 12 & 3), 0 }

/* Initialise l as an unlocked lock of the given kind.  Not a scheduling
 * point.  Re-initialising a held lock is reported as misuse, and so is
 * initialising a FreeBSD lock (WEFT_KLOCK_BSD, without WEFT_KLOCK_NEW) in
 * static or heap memory that is initialised and not destroyed. */
void weft_klock_init(struct weft_klock *l, int kind, const char *name,
		     const struct weft_loc *loc);

/* lockdep_set_class(_and_name, _and_subclass) and lockdep_set_subclass:
 * give l the lock-order class of key (the address of a struct
 * lock_class_key, named keyname in reports; NULL keeps l's key) and
 * subclass, in place of the class of its init site, as lockdep re-keys a
 * lock's map.  A key in the tracked heap is keyed by this call's site
 * instead, so that the class is the same in every execution.  Re-classing
 * a lock the caller holds, or a subclass out of 0..7, is misuse.  l NULL
 * (a lock weft does not model as one) does nothing.  Not a scheduling
 * point; never blocks. */
void weft_klock_set_class(struct weft_klock *l, const void *key,
			  const char *keyname, int subclass, const char *what,
			  const struct weft_loc *loc);

/* Take l exclusively, blocking while anyone else holds it.  May block (a
 * mutex or rwsem also counts as sleeping: misuse under a spinlock or in an
 * RCU read section).  The previous holder's critical section happens
 * before the caller's. */
void weft_klock_lock(struct weft_klock *l, const struct weft_loc *loc);
/* mutex_lock_interruptible: take l as weft_klock_lock does and return 0,
 * or return -EINTR when a signal is pending for the caller while l is held
 * by another, at the call or while it waits (a Linux kthread_stop of the
 * caller, since 6.1, or in a thread of the test's own a user's signal, an
 * explored choice).  (mutex_lock_killable is the plain lock: nothing sends
 * a fatal signal.)  May block; orders as weft_klock_lock when it takes l,
 * and after the signal when it does not. */
int weft_klock_lock_intr(struct weft_klock *l, const char *what,
			 const struct weft_loc *loc);
/* down_read_interruptible and down_read_killable: the same for a read
 * side, taken when no writer holds l. */
int weft_klock_read_intr(struct weft_klock *l, const char *what,
			 const struct weft_loc *loc);
/* A seqcount's write side (write_seqcount_begin): l taken exclusively
 * as weft_klock_lock does, after a step that reports another writer
 * inside (a seqcount has no lock of its own; its writers must be
 * serialised by the caller).  May block while readers hold l. */
void weft_klock_seq_write_begin(struct weft_klock *l,
				const struct weft_loc *loc);
/* A seqlock's or seqcount's read side (read_seqbegin, seq: its
 * sequence): waits while a writer holds l (may block), returns the
 * sequence, ordered after the last writer's release; the caller holds
 * nothing.  Until weft_klock_seq_read_retry its plain accesses are
 * scheduling points that race with no one, as under
 * weft_race_ignore_begin (weft/race.h).  The retry never blocks: 1 when a
 * writer came in between (the sequence is not start), else 0. */
unsigned weft_klock_seq_read_begin(struct weft_klock *l, const unsigned *seq,
				   const struct weft_loc *loc);
int weft_klock_seq_read_retry(struct weft_klock *l, const unsigned *seq,
			      unsigned start, const struct weft_loc *loc);
/* Take l shared (rwsem and rwlock readers).  May block while a writer
 * holds it; readers never wait for one another. */
void weft_klock_read(struct weft_klock *l, const struct weft_loc *loc);
/* Non-blocking attempts: 1 when taken, 0 otherwise (kernel convention). */
int weft_klock_trylock(struct weft_klock *l, const struct weft_loc *loc);
int weft_klock_tryread(struct weft_klock *l, const struct weft_loc *loc);
/* Release an exclusive or shared hold.  Never block.  Releasing a lock the
 * caller does not hold is reported as misuse. */
void weft_klock_unlock(struct weft_klock *l, const struct weft_loc *loc);
void weft_klock_read_unlock(struct weft_klock *l, const struct weft_loc *loc);
/* down_read_non_owner / up_read_non_owner: a read hold of an rwsem that
 * belongs to no task, so that another task may give it back; lockdep
 * does not see it (no lock order, no held lock at a thread's end).  The
 * take may block while a writer holds l (it may sleep); the release never
 * blocks, and is misuse when l has no such hold. */
void weft_klock_read_non_owner(struct weft_klock *l,
			       const struct weft_loc *loc);
void weft_klock_read_unlock_non_owner(struct weft_klock *l,
				      const struct weft_loc *loc);
/* Turn the caller's exclusive hold into a shared one.  Never blocks. */
void weft_klock_downgrade(struct weft_klock *l, const struct weft_loc *loc);
/* The end of l's life (mutex_destroy, sx_destroy, rw_destroy; what
 * names it): misuse when any thread, the caller too, holds it.  A
 * scheduling point that writes l, so that the search also runs it before
 * another thread's unlock (as a check with no step it came after that
 * unlock in every schedule: a destroy under another thread's hold was
 * verified).  Never blocks. */
void weft_klock_destroy(struct weft_klock *l, const char *what,
			const struct weft_loc *loc);
/* Whether anyone holds l.  A scheduling point that only reads l. */
int weft_klock_is_locked(struct weft_klock *l, const struct weft_loc *loc);
/* Report misuse unless the caller holds l (lockdep_assert_held).  Not a
 * scheduling point. */
void weft_klock_assert_held(const struct weft_klock *l,
			    const struct weft_loc *loc);

/* 1 when the caller holds l (lockdep_is_held).  Not a scheduling point. */
int weft_klock_held(const struct weft_klock *l);
/* Whether the caller holds l for writing (exclusively), or for reading
 * (a shared hold).  Neither blocks nor orders. */
int weft_klock_held_write(const struct weft_klock *l);
int weft_klock_held_read(const struct weft_klock *l);

/* The global networking lock, one mutex named "rtnl_mutex". */
extern struct weft_klock weft_rtnl_mutex;
/* CPU hotplug's lock, one rwsem named "cpu_hotplug_lock". */
extern struct weft_klock weft_cpu_hotplug_lock;

#endif
