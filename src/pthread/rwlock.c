/* src/pthread/rwlock.c - POSIX reader/writer locks over weft's
 * (src/sync/rwlock.c).
 *
 * A weft_rwlock_t lives at the start of the program's pthread_rwlock_t;
 * the all-zero static initialiser is a ready weft object, and glibc's
 * kind stays in __flags, past it.  A read lock a thread takes again while
 * it holds one is one more hold, unless the rwlock's kind says its read
 * locks do not nest (glibc's writer-preferring kind, whose writers queue).
 * Timed locks explore the timeout. */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "pthread/pt.h"
#include "sync/sync.h"
#include "modelled.h"

_Static_assert(sizeof(weft_rwlock_t) <= sizeof(pthread_rwlock_t),
	       "weft_rwlock_t must fit in pthread_rwlock_t");

/* The rwlocks weft's model took a step on in this execution (a set by
 * address).  Before the first, no test thread can hold one: a state that
 * says otherwise is glibc's, left by real calls before main.  An
 * unlocked one (libstdc++'s std::pmr::synchronized_pool_resource takes
 * its std::shared_mutex while it is constructed) has phase bits that
 * read as a writer holding it, a false deadlock (a helper's probe of C++
 * programs): it is made weft's unlocked state, the kind kept.  One still
 * held (a constructor's lock that main lets go) has a holder weft never
 * saw: inconclusive, where a reset made main's unlock a false misuse (a
 * review's probe). */
#define TOUCHED 1024
static struct {
	long gen;
	int n;
	const void *l[TOUCHED];
} touched;

/* glibc's __readers word: bit 1 a writer holds it, bits 3 and up the
 * readers (nptl's pthread_rwlock_common.c). */
#define GLIBC_RW_WRLOCKED 2u
#define GLIBC_RW_READERS_SHIFT 3

static void first_touch(pthread_rwlock_t *l)
{
	weft_rwlock_t *w = (weft_rwlock_t *)l;
	unsigned h = (unsigned)(((uintptr_t)l >> 3) * 2654435761u) % TOUCHED;
	unsigned r;

	if (touched.gen != weft__exec_gen()) {
		memset(touched.l, 0, sizeof touched.l);
		touched.gen = weft__exec_gen();
		touched.n = 0;
	}
	while (touched.l[h] && touched.l[h] != l)
		h = (h + 1) % TOUCHED;
	if (touched.l[h] == l || touched.n == TOUCHED - 1)
		return;
	touched.l[h] = l;
	touched.n++;
	if (!w->writer && !w->readers && !w->writers_queued)
		return;
	r = l->__data.__readers;
	if ((r & GLIBC_RW_WRLOCKED) || (r >> GLIBC_RW_READERS_SHIFT))
		weft__limit("unsupported: a rwlock held before main", NULL,
			    "%s was locked before main (in a constructor) and "
			    "is still held: weft did not see who holds it",
			    weft__objname_of(l, sizeof *l, "rwlock"));
	weft_rwlock_init(w, NULL);
}

static weft_rwlock_t *wr(pthread_rwlock_t *l)
{
	weft_rwlock_t *w = (weft_rwlock_t *)l;

	first_touch(l);
	if (!w->name)
		w->name = weft__objname_of(l, sizeof *l, "rwlock");
	/* The kind, which a static initialiser sets alone. */
	w->prefer_writer = l->__data.__flags ==
			   PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP;
	return w;
}

/* glibc keeps an rwlock's kind in __flags, past weft's state in the
 * object, where PTHREAD_RWLOCK_WRITER_NONRECURSIVE_INITIALIZER_NP puts it
 * too; weft keeps it there. */
_Static_assert(offsetof(pthread_rwlock_t, __data.__flags) >=
		       sizeof(weft_rwlock_t),
	       "glibc's rwlock kind must lie past weft_rwlock_t");

/* Whether a thread holding l for reading may take the read lock again
 * whatever happens.  glibc's default kind prefers readers, so a recursive
 * read lock goes through even with a writer waiting (POSIX allows a
 * thread several read holds); under
 * PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP it queues behind a waiting
 * writer, which waits for the reader itself: a deadlock where a writer
 * queues in between (src/sync/rwlock.c models the writers' queue). */
static bool reads_nest(const pthread_rwlock_t *l)
{
	return l->__data.__flags != PTHREAD_RWLOCK_PREFER_WRITER_NONRECURSIVE_NP;
}

int __weft_pthread_rwlock_init(pthread_rwlock_t *l,
			       const pthread_rwlockattr_t *a)
{
	int kind = PTHREAD_RWLOCK_DEFAULT_NP;

	if (!weft__pt_live())
		return pthread_rwlock_init(l, a);
	if (a)
		pthread_rwlockattr_getkind_np(a, &kind);
	memset(l, 0, sizeof *l);
	weft_rwlock_init((weft_rwlock_t *)l, NULL);
	l->__data.__flags = (unsigned)kind;
	return 0;
}

/* A step, so that a holder's section is seen on both sides of it (the
 * check ran between steps, when no other thread could hold the lock). */
int __weft_pthread_rwlock_destroy(pthread_rwlock_t *l)
{
	const struct weft_loc *loc;

	if (!weft__pt_live())
		return pthread_rwlock_destroy(l);
	loc = PT_LOC();
	weft__check_access(l, sizeof *l, true, loc);
	weft__point("pthread_rwlock_destroy", l, wr(l)->name, WEFT__ACC_WRITE,
		    loc);
	weft__check_access(l, sizeof *l, true, loc);
	if (((weft_rwlock_t *)l)->writer || ((weft_rwlock_t *)l)->readers)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroying %s while it is held",
			   wr(l)->name);
	return 0;
}

/* Whether the caller holds l for writing: a read or write lock it asks
 * for then fails with EDEADLK (glibc; POSIX allows it), where weft
 * reported a deadlock.  Only the caller changes the answer, so it needs
 * no step. */
static bool self_writes(pthread_rwlock_t *l, const struct weft_loc *loc)
{
	weft__check_access(l, sizeof *l, true, loc);
	return wr(l)->writer == weft__self() + 1;
}

/* Block while a writer holds the lock (rdlock) or anyone does (wrlock). */
int __weft_pthread_rwlock_rdlock(pthread_rwlock_t *l)
{
	if (!weft__pt_live())
		return pthread_rwlock_rdlock(l);
	if (self_writes(l, PT_LOC()))
		return EDEADLK;
	weft__rwlock_rdlock(wr(l), reads_nest(l), PT_LOC());
	return 0;
}

int __weft_pthread_rwlock_wrlock(pthread_rwlock_t *l)
{
	if (!weft__pt_live())
		return pthread_rwlock_wrlock(l);
	if (self_writes(l, PT_LOC()))
		return EDEADLK;
	weft_rwlock_wrlock_at(wr(l), PT_LOC());
	return 0;
}

int __weft_pthread_rwlock_tryrdlock(pthread_rwlock_t *l)
{
	if (!weft__pt_live())
		return pthread_rwlock_tryrdlock(l);
	return weft_rwlock_tryrdlock_at(wr(l), PT_LOC()) ? EBUSY : 0;
}

int __weft_pthread_rwlock_trywrlock(pthread_rwlock_t *l)
{
	if (!weft__pt_live())
		return pthread_rwlock_trywrlock(l);
	return weft_rwlock_trywrlock_at(wr(l), PT_LOC()) ? EBUSY : 0;
}

/* Timed variants: a try, then an explored choice between timing out and
 * waiting for the lock.  A reader that holds l already gets it at the try
 * (no writer can hold l then), unless the kind prefers writers and one
 * is queued, which even a try read lock respects.  A timed writer of
 * such a lock queues, and times out (a step of its own) or takes it. */
static int timed(pthread_rwlock_t *l, bool write, clockid_t c,
		 const struct timespec *abs, const struct weft_loc *loc)
{
	int r;

	/* glibc's rwlock checks the deadline before trying (POSIX allows
	 * either). */
	if (weft__pt_bad_deadline(abs))
		return EINVAL;
	if (self_writes(l, loc))
		return EDEADLK;
	r = write ? weft_rwlock_trywrlock_at(wr(l), loc)
		  : weft_rwlock_tryrdlock_at(wr(l), loc);
	if (r == 0)
		return 0;
	if (write && wr(l)->prefer_writer) {
		/* Queued while it waits, new readers refused, until it
		 * takes the lock or times out (src/sync/rwlock.c). */
		weft__rwlock_queue_writer(wr(l), loc);
		if (weft__pt_times_out("rwlock wait times out", c, abs, loc)) {
			weft__rwlock_dequeue_writer(wr(l), loc);
			return ETIMEDOUT;
		}
		weft__pt_wait_begin(c, abs);
		weft__rwlock_wrlock_queued(wr(l), loc);
		weft__pt_wait_end();
		return 0;
	}
	if (weft__pt_times_out("rwlock wait times out", c, abs, loc))
		return ETIMEDOUT;
	weft__pt_wait_begin(c, abs);
	if (write)
		weft_rwlock_wrlock_at(wr(l), loc);
	else
		weft__rwlock_rdlock(wr(l), reads_nest(l), loc);
	weft__pt_wait_end();
	return 0;
}

int __weft_pthread_rwlock_timedrdlock(pthread_rwlock_t *l,
				      const struct timespec *ts)
{
	if (!weft__pt_live())
		return pthread_rwlock_timedrdlock(l, ts);
	return timed(l, false, CLOCK_REALTIME, ts, PT_LOC());
}

int __weft_pthread_rwlock_timedwrlock(pthread_rwlock_t *l,
				      const struct timespec *ts)
{
	if (!weft__pt_live())
		return pthread_rwlock_timedwrlock(l, ts);
	return timed(l, true, CLOCK_REALTIME, ts, PT_LOC());
}

/* The timed variants with the deadline on clock c; a clock glibc does not
 * wait on is EINVAL at once, as there. */
int __weft_pthread_rwlock_clockrdlock(pthread_rwlock_t *l, clockid_t c,
				      const struct timespec *ts)
{
	if (!weft__pt_live())
		return pthread_rwlock_clockrdlock(l, c, ts);
	if (!weft__pt_wait_clock(c))
		return EINVAL;
	return timed(l, false, c, ts, PT_LOC());
}

int __weft_pthread_rwlock_clockwrlock(pthread_rwlock_t *l, clockid_t c,
				      const struct timespec *ts)
{
	if (!weft__pt_live())
		return pthread_rwlock_clockwrlock(l, c, ts);
	if (!weft__pt_wait_clock(c))
		return EINVAL;
	return timed(l, true, c, ts, PT_LOC());
}

/* Never blocks; orders the holder's section before later acquisitions. */
int __weft_pthread_rwlock_unlock(pthread_rwlock_t *l)
{
	if (!weft__pt_live())
		return pthread_rwlock_unlock(l);
	weft_rwlock_unlock_at(wr(l), PT_LOC());
	return 0;
}
