/* src/freebsd/mtx.c - mutex(9): sleep and spin mutexes, mtx_assert, Giant.
 *
 * The lock itself is the core's weft mutex (sync/sync.h), which gives
 * blocking through readiness, deadlock detection, lock-order classes and
 * happens-before.  This file adds what FreeBSD checks on top: the right
 * lock/unlock variant for the mutex's type, no recursion on a
 * non-recursive mutex, no sleep mutex taken under a spin mutex, and
 * mtx_assert.  The FreeBSD mutexes a thread holds are found in its held
 * set (the lock-order graph's, weft__held_locks) by this file's tag; the
 * sleeping primitives consult them: a FreeBSD mutex may not be held
 * across a sleep (locking(9)), except an msleep interlock and Giant.  A
 * recursive mutex is in the set once; its depth is the weft mutex's. */
#include <stdio.h>

#include <weft/kcontext.h>

#include "freebsd/bsd.h"
#include "sync/sync.h"

struct weft_bsd_mtx weft_bsd_giant = {
	{ 0, 0, WEFT_MUTEX_RECURSIVE, 0, "Giant", 0 },
	WEFT_BSD_MTX_DEF | WEFT_BSD_MTX_RECURSE,
	WEFT_BSD_MTX_MAGIC,
	"Giant",
};

const char *weft__bsd_mtx_name(const struct weft_bsd_mtx *m)
{
	return m->name ? m->name : weft__objname(m, "mtx");
}

/* Every operation first checks that the mutex's memory is live and that
 * mtx_init ran on it. */
static void check_init(const struct weft_bsd_mtx *m, const char *opname,
		       const struct weft_loc *loc)
{
	if (!m)
		weft__fail(WEFT__K(MISUSE), loc, "%s of a NULL mutex", opname);
	weft__check_access(m, sizeof *m, true, loc);
	if (m->magic != WEFT_BSD_MTX_MAGIC)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of %s, which was never initialised with "
			   "mtx_init (or was destroyed)",
			   opname, weft__objname(m, "mtx"));
}

static bool owned(const struct weft_bsd_mtx *m)
{
	return m->m.owner == weft__self() + 1;
}

/* The tag of FreeBSD mutexes in the held set. */
static const char mtx_tag = 'b';

/* How the lock steps enter m in the held set. */
static struct weft__mutex_as as_of(const struct weft_bsd_mtx *m)
{
	return (struct weft__mutex_as){
		.obj = m, .tag = &mtx_tag,
		.spins = (m->opts & WEFT_BSD_MTX_SPIN) != 0 };
}

/* The FreeBSD mutexes the calling thread holds, outermost first, into
 * out (at most max); returns how many. */
static int held_mtx(const struct weft_bsd_mtx **out, int max)
{
	const struct weft__held_lock *e;
	int n = weft__held_locks(weft__self(), &e), k = 0;

	for (int i = 0; i < n && k < max; i++)
		if (e[i].tag == &mtx_tag)
			out[k++] = e[i].obj;
	return k;
}

const struct weft_bsd_mtx *weft__bsd_spin_held(void)
{
	const struct weft_bsd_mtx *held[WEFT__MAX_HELD];
	int n = weft__self() < 0 ? 0 : held_mtx(held, WEFT__MAX_HELD);

	for (int i = 0; i < n; i++)
		if (held[i]->opts & WEFT_BSD_MTX_SPIN)
			return held[i];
	return NULL;
}

const struct weft_bsd_mtx *weft__bsd_held_mtx(void)
{
	const struct weft_bsd_mtx *held[1];

	return weft__self() >= 0 && held_mtx(held, 1) ? held[0] : NULL;
}

void weft__bsd_lock(struct weft_bsd_mtx *m, const char *opname,
		    const struct weft_loc *loc)
{
	struct weft__mutex_as as = as_of(m);

	weft__mutex_lock_as(&m->m, opname, loc, &as);
}

void weft__bsd_unlock(struct weft_bsd_mtx *m, const char *opname,
		      const struct weft_loc *loc)
{
	struct weft__mutex_as as = as_of(m);

	weft__mutex_unlock_as(&m->m, opname, loc, &as);
}

void weft_bsd_mtx_init_at(struct weft_bsd_mtx *m, const char *name,
			  const char *type, unsigned opts,
			  const struct weft_loc *loc)
{
	(void)type; /* WITNESS's class name; weft keys classes itself */
	if (!m)
		weft__fail(WEFT__K(MISUSE), loc, "mtx_init of a NULL mutex");
	weft__check_access(m, sizeof *m, true, loc);
	/* Garbage from an earlier execution may look initialised (stack
	 * memory is reused), so only a held mutex is a sure re-init. */
	if (m->magic == WEFT_BSD_MTX_MAGIC && m->m.owner > 0 &&
	    m->m.owner <= weft__nthreads())
		weft__fail(WEFT__K(MISUSE), loc,
			   "mtx_init of %s while %s holds it",
			   weft__bsd_mtx_name(m),
			   weft__thread_name(m->m.owner - 1));
	/* lock_init asserts (INVARIANTS) that the lock is not initialised
	 * already, unless MTX_NEW says the memory is fresh.  Statics and
	 * the tracked heap start every execution clean, so there a live
	 * magic was set by this execution's mtx_init (or MTX_SYSINIT) and
	 * never destroyed; a re-attach that inits again was verified (a
	 * FreeBSD probe). */
	if (m->magic == WEFT_BSD_MTX_MAGIC && !(opts & WEFT_BSD_MTX_NEW) &&
	    m != &weft_bsd_giant &&
	    (weft__is_tracked(m) || weft__in_static_data(m)))
		weft__fail(WEFT__K(MISUSE), loc,
			   "mtx_init of %s, which is already initialised "
			   "(mtx_destroy it first)",
			   weft__bsd_mtx_name(m));
	weft_bsd_mtx_sysinit(m, name, opts);
}

/* No test thread runs yet, nor any execution: nothing to check, and no
 * execution state to touch.  weft saves the program's data after the
 * constructors, so every execution starts from this. */
void weft_bsd_mtx_sysinit(struct weft_bsd_mtx *m, const char *name,
			  unsigned opts)
{
	weft_mutex_init(&m->m, name);
	if (opts & WEFT_BSD_MTX_RECURSE)
		m->m.kind = WEFT_MUTEX_RECURSIVE;
	m->opts = opts;
	m->magic = WEFT_BSD_MTX_MAGIC;
	m->name = name;
}

void weft_bsd_mtx_destroy_at(struct weft_bsd_mtx *m,
			     const struct weft_loc *loc)
{
	check_init(m, "mtx_destroy", loc);
	if (owned(m)) {
		if (m->m.depth > 1)
			weft__fail(WEFT__K(MISUSE), loc,
				   "mtx_destroy of %s, held recursively",
				   weft__bsd_mtx_name(m));
		weft__bsd_unlock(m, "mtx_destroy", loc);
	} else if (m->m.owner) {
		weft__fail(WEFT__K(MISUSE), loc,
			   "mtx_destroy of %s while %s holds it",
			   weft__bsd_mtx_name(m),
			   weft__thread_name(m->m.owner - 1));
	}
	if (weft__bsd_callout_check_lock)
		weft__bsd_callout_check_lock(m, loc);
	m->magic = 0;
}

/* Acquiring a sleep mutex with a spin mutex held would block with
 * interrupts disabled; WITNESS panics on it ("acquiring blockable sleep
 * lock with spinlock or critical section held"). */
static void check_no_spin_held(const struct weft_bsd_mtx *m,
			       const struct weft_loc *loc)
{
	const struct weft_bsd_mtx *held[WEFT__MAX_HELD];
	int n = held_mtx(held, WEFT__MAX_HELD);

	/* So is acquiring one in a critical section, which a held spin
	 * mutex is too in the kernel. */
	if (weft__bsd_critical_site())
		weft__bsd_no_critical(weft__internf("mtx_lock of sleep mutex "
						    "%s", weft__bsd_mtx_name(m)),
				      "a thread in a critical section may not "
				      "take a lock that blocks", loc);
	for (int i = 0; i < n; i++)
		if (held[i]->opts & WEFT_BSD_MTX_SPIN)
			weft__fail(WEFT__K(MISUSE), loc,
				   "mtx_lock of sleep mutex %s while holding "
				   "spin mutex %s",
				   weft__bsd_mtx_name(m),
				   weft__bsd_mtx_name(held[i]));
}

static void check_variant(const struct weft_bsd_mtx *m, int spin,
			  const char *opname, const struct weft_loc *loc)
{
	bool is_spin = (m->opts & WEFT_BSD_MTX_SPIN) != 0;

	if (spin && !is_spin)
		weft__fail(WEFT__K(MISUSE), loc, "%s of sleep mutex %s", opname,
			   weft__bsd_mtx_name(m));
	if (!spin && is_spin)
		weft__fail(WEFT__K(MISUSE), loc, "%s of spin mutex %s", opname,
			   weft__bsd_mtx_name(m));
}

void weft_bsd_mtx_lock_at(struct weft_bsd_mtx *m, int spin,
			  const struct weft_loc *loc)
{
	const char *opname = spin ? "mtx_lock_spin" : "mtx_lock";

	check_init(m, opname, loc);
	check_variant(m, spin, opname, loc);
	if (owned(m) && !(m->opts & WEFT_BSD_MTX_RECURSE))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s: recursed on non-recursive mutex %s (held "
			   "since %s)",
			   opname, weft__bsd_mtx_name(m),
			   weft__bsd_site(m->m.acquired));
	if (!spin)
		check_no_spin_held(m, loc);
	weft__bsd_lock(m, opname, loc);
}

int weft_bsd_mtx_trylock_at(struct weft_bsd_mtx *m, int spin,
			    const struct weft_loc *loc)
{
	const char *opname = spin ? "mtx_trylock_spin" : "mtx_trylock";
	struct weft__mutex_as as;

	check_init(m, opname, loc);
	check_variant(m, spin, opname, loc);
	/* FreeBSD fails a trylock of a non-recursive mutex the caller
	 * already holds instead of recursing. */
	if (owned(m) && !(m->opts & WEFT_BSD_MTX_RECURSE)) {
		weft__point(opname, &m->m, weft__bsd_mtx_name(m),
			    WEFT__ACC_READ, loc);
		weft__step_note("busy");
		return 0;
	}
	as = as_of(m);
	return weft__mutex_trylock_as(&m->m, opname, loc, &as) == 0;
}

void weft_bsd_mtx_unlock_at(struct weft_bsd_mtx *m, int spin,
			    const struct weft_loc *loc)
{
	const char *opname = spin ? "mtx_unlock_spin" : "mtx_unlock";

	check_init(m, opname, loc);
	check_variant(m, spin, opname, loc);
	weft__bsd_unlock(m, opname, loc);
}

static const char *owner_desc(const struct weft_bsd_mtx *m)
{
	if (!m->m.owner)
		return "it is not locked";
	return weft__internf("it is held by %s (taken at %s)",
			     weft__thread_name(m->m.owner - 1),
			     weft__bsd_site(m->m.acquired));
}

void weft_bsd_mtx_assert_at(const struct weft_bsd_mtx *m, int what,
			    const struct weft_loc *loc)
{
	int base = what & ~(WEFT_BSD_MA_RECURSED | WEFT_BSD_MA_NOTRECURSED);
	const char *name;

	check_init(m, "mtx_assert", loc);
	name = weft__bsd_mtx_name(m);
	if (base == WEFT_BSD_MA_NOTOWNED) {
		if (owned(m))
			weft__fail(WEFT__K(ASSERTION), loc,
				   "mtx_assert(%s, MA_NOTOWNED) failed: the "
				   "caller holds it (taken at %s)",
				   name, weft__bsd_site(m->m.acquired));
		return;
	}
	if (base != WEFT_BSD_MA_OWNED)
		weft__fail(WEFT__K(MISUSE), loc,
			   "mtx_assert(%s, %#x): unknown check",
			   name, (unsigned)what);
	if (!owned(m))
		weft__fail(WEFT__K(ASSERTION), loc,
			   "mtx_assert(%s, MA_OWNED) failed: %s", name,
			   owner_desc(m));
	if ((what & WEFT_BSD_MA_RECURSED) && m->m.depth < 2)
		weft__fail(WEFT__K(ASSERTION), loc,
			   "mtx_assert(%s, MA_RECURSED) failed: held once",
			   name);
	if ((what & WEFT_BSD_MA_NOTRECURSED) && m->m.depth > 1)
		weft__fail(WEFT__K(ASSERTION), loc,
			   "mtx_assert(%s, MA_NOTRECURSED) failed: held %d "
			   "times",
			   name, m->m.depth);
}

int weft_bsd_mtx_owned(const struct weft_bsd_mtx *m)
{
	return owned(m);
}

int weft_bsd_mtx_recursed(const struct weft_bsd_mtx *m)
{
	return owned(m) && m->m.depth > 1;
}

int weft_bsd_mtx_initialized(const struct weft_bsd_mtx *m)
{
	return m->magic == WEFT_BSD_MTX_MAGIC;
}

void weft__bsd_may_sleep(const char *what, const struct weft_bsd_mtx *allowed,
			 const struct weft_loc *loc)
{
	struct bsd_thread *t = weft__bsd_self();
	const struct weft_bsd_mtx *held[WEFT__MAX_HELD];
	int n = held_mtx(held, WEFT__MAX_HELD);

	weft__bsd_no_critical(what, "a thread may not sleep in a critical "
			      "section", loc);
	if (t->handler)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s in the handler %s of callout %s: callout "
			   "handlers must not sleep",
			   what, weft__bsd_fname(t->hfunc), t->handler->name);
	for (int i = 0; i < n; i++) {
		const struct weft_bsd_mtx *m = held[i];
		if (m == allowed || m == &weft_bsd_giant)
			continue;
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s while holding %s mutex %s (taken at %s): a "
			   "thread may not sleep holding a mutex",
			   what,
			   (m->opts & WEFT_BSD_MTX_SPIN) ? "spin" : "sleep",
			   weft__bsd_mtx_name(m), weft__bsd_site(m->m.acquired));
	}
	/* rwlock(9): "threads ... must not sleep while holding an rw
	 * lock" (WITNESS: sleeping with a non-sleepable lock).  The kernel
	 * lock kit counts a held rw lock as atomic context, as it does a
	 * Linux rwlock_t, and says so with its holder's site. */
	weft_might_sleep(what, NULL, loc);
}

void weft_bsd_may_sleep(const char *what, const struct weft_loc *loc)
{
	weft__bsd_may_sleep(what, NULL, loc);
}

int weft__bsd_drop_giant(const struct weft_loc *loc)
{
	int depth = 0;

	while (owned(&weft_bsd_giant)) {
		weft__bsd_unlock(&weft_bsd_giant, "mtx_unlock", loc);
		depth++;
	}
	return depth;
}

void weft__bsd_pickup_giant(int depth, const struct weft_loc *loc)
{
	while (depth-- > 0)
		weft__bsd_lock(&weft_bsd_giant, "mtx_lock", loc);
}
