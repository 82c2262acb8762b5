/* src/sync/mutex.c - weft_mutex_t.
 *
 * The state is in the object: owner (thread id + 1) and, for recursive
 * mutexes, a depth.  Lock is one step, enabled only while the mutex is free,
 * so a thread never "spins" on a held mutex: the explorer simply does not
 * choose it, and the deadlock detector sees it as blocked.  A recursive
 * mutex excludes other threads the same way; its owner's nested locks only
 * count (they cannot block, so they are neither a self-deadlock nor an
 * edge of the lock order), and only the unlock that brings the count back
 * to 0 releases it.  Unlocking a mutex one does not hold is misuse.
 *
 * Lifetime: a destroyed mutex keeps owner == DESTROYED and, in acquired,
 * the place of the destroy, until it is initialised again; any other use
 * is misuse.  The all-zero static initialisers never look destroyed, and
 * static mutexes come back alive each execution (the program's data is
 * restored).  Every operation also checks that the mutex's memory is not
 * freed heap (use-after-free). */
#include <errno.h>

#include "sync.h"

#define DESTROYED (-1)

/* Kept in the mutex once found, as its class is: every operation names
 * it, and the look-up showed in the profile of a lock loop. */
const char *weft__mutex_name(weft_mutex_t *m)
{
	if (!m->name)
		m->name = weft__objname_of(m, sizeof *m, "mutex");
	return m->name;
}

int weft__mutex_class(weft_mutex_t *m, const struct weft_loc *loc)
{
	if (!m->cls)
		m->cls = weft__class(weft__class_key_for(m, loc),
				     weft__mutex_name(m)) + 1;
	return m->cls - 1;
}

/* "file:line" of a place, for messages. */
const char *weft__sync_site(const struct weft_loc *l)
{
	if (!l || !l->file)
		return "an unknown place";
	return weft__internf("%s:%d", l->file, l->line);
}

/* Misuse unless m is live memory and not destroyed; checked before an
 * operation and again once it is scheduled (the state may change while
 * the thread is parked). */
void weft__mutex_check_usable(weft_mutex_t *m, const char *opname,
			      const struct weft_loc *loc)
{
	weft__check_access(m, sizeof *m, true, loc);
	if (m->owner == DESTROYED)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of %s, which was destroyed at %s",
			   opname, weft__mutex_name(m),
			   weft__sync_site(m->acquired));
}

/* Whether the lock can be taken now by the thread that parked op (whose
 * id + 1 is op->arg2).  The scheduler asks this of every thread's pending
 * operation while some other thread is current, so the caller's identity
 * cannot come from weft__self(): with it, a thread waiting for a recursive
 * mutex looked ready whenever the holder was the thread running, and then
 * took the mutex from it. */
static bool lock_ready(const struct weft__op *op)
{
	const weft_mutex_t *m = op->obj;

	return m->owner == 0 ||
	       (m->kind == WEFT_MUTEX_RECURSIVE && m->owner == op->arg2);
}

/* Whether owner (a thread id + 1 read from a lock) names a thread of this
 * execution.  A lock's bytes written by code weft does not model (a C
 * library lock call that was not intercepted stores the kernel's thread
 * id there) or never initialised name none. */
static bool known_owner(int owner)
{
	return owner > 0 && owner <= weft__nthreads();
}

#define UNKNOWN_OWNER                                                         \
	"an owner that is no thread of this execution (locked by code "      \
	"weft does not model, or never initialised)"

/* The holder of a lock whose owner field is owner (> 0), for messages. */
static const char *owner_name(int owner)
{
	return known_owner(owner) ? weft__thread_name(owner - 1)
				  : UNKNOWN_OWNER;
}

/* Also used by op->arg2 == owner for other lock kinds. */
int weft__lock_waitdesc(const char *what, const char *name, int owner,
			const struct weft_loc *at, char *buf, size_t n)
{
	const char *gone;

	if (owner <= 0) {
		snprintf(buf, n, "%s %s", what, name);
		return -1;
	}
	if (!known_owner(owner)) {
		snprintf(buf, n, "%s %s held by %s", what, name, UNKNOWN_OWNER);
		return -1;
	}
	/* An owner that finished is the whole story of such a wait, which
	 * otherwise reads like one link of a cycle. */
	gone = weft__thread_done(owner - 1)
		       ? ", which finished without unlocking it" : "";
	if (at && at->file)
		snprintf(buf, n, "%s %s held by %s%s (taken at %s:%d)", what,
			 name, weft__thread_name(owner - 1), gone, at->file,
			 at->line);
	else
		snprintf(buf, n, "%s %s held by %s%s", what, name,
			 weft__thread_name(owner - 1), gone);
	return owner - 1;
}

static int lock_desc(const struct weft__op *op, char *buf, size_t n)
{
	const weft_mutex_t *m = op->obj;
	/* Spinlocks built on a weft mutex (pthread's, FreeBSD's spin
	 * mutexes) are named for what the program took. */
	const char *what = strstr(op->name, "spin") ? "spinlock" : "mutex";

	return weft__lock_waitdesc(what, op->objname, m->owner, m->acquired,
				   buf, n);
}

void weft_mutex_init(weft_mutex_t *m, const char *name)
{
	*m = (weft_mutex_t)WEFT_MUTEX_INIT;
	m->name = name;
}

/* The lock effect of a lock or trylock taken now: only a free mutex is
 * taken (a recursive mutex's owner only counts, and a trylock of a held
 * mutex takes nothing). */
static uint8_t lock_effect(const struct weft__op *op)
{
	const weft_mutex_t *m = op->obj;

	return m->owner ? WEFT__LOCK_NONE : op->lock.effect;
}

/* The lock-order effect of an operation on m: its class, and the model's
 * object and tag when it has them (without, a class's innermost hold is
 * the one released). */
static struct weft__op_lock lock_of(weft_mutex_t *m, uint8_t effect,
				    const struct weft_loc *loc,
				    const struct weft__mutex_as *as)
{
	return (struct weft__op_lock){
		.cls1 = weft__mutex_class(m, loc) + 1, .effect = effect,
		.obj = as ? as->obj : NULL, .tag = as ? as->tag : NULL,
		.spins = as && as->spins };
}

void weft__mutex_lock(weft_mutex_t *m, const char *opname,
		      const struct weft_loc *loc)
{
	weft__mutex_lock_as(m, opname, loc, NULL);
}

void weft__mutex_lock_as(weft_mutex_t *m, const char *opname,
			 const struct weft_loc *loc,
			 const struct weft__mutex_as *as)
{
	int self = weft__self();
	struct weft__op op = { .name = opname, .obj = m,
			       .objname = weft__mutex_name(m),
			       .access = WEFT__ACC_WRITE, .ready = lock_ready,
			       .waitdesc = lock_desc, .arg2 = self + 1,
			       .lock_now = lock_effect, .loc = loc };
	bool alone;

	weft__mutex_check_usable(m, opname, loc);
	op.lock = lock_of(m, WEFT__LOCK_ACQUIRE, loc, as);
	op.reenter = m->owner == self + 1;
	if (op.reenter && m->kind != WEFT_MUTEX_RECURSIVE) {
		weft__point(opname, m, op.objname, WEFT__ACC_WRITE, loc);
		weft__fail(WEFT__K(DEADLOCK), loc,
			   "thread %s locks %s, which it already holds (taken "
			   "at %s:%d)",
			   weft__thread_name(self), op.objname,
			   m->acquired ? m->acquired->file : "?",
			   m->acquired ? m->acquired->line : 0);
	}
	alone = weft__mutex_relock_alone(m, self);
	weft__visible(&op);
	weft__check_access(m, sizeof *m, true, loc);
	if (m->owner == self + 1) {
		m->depth++;
		return;
	}
	m->owner = self + 1;
	m->depth = 1;
	m->acquired = loc;
	if (alone)
		weft__spun_tried();
}

void weft_mutex_lock_at(weft_mutex_t *m, const struct weft_loc *loc)
{
	weft__mutex_lock(m, "mutex_lock", loc);
}

void(weft_mutex_lock)(weft_mutex_t *m)
{
	weft_mutex_lock_at(m, NULL);
}

/* A trylock that fails only reads the mutex. */
static uint8_t trylock_access(const struct weft__op *op)
{
	return lock_ready(op) ? WEFT__ACC_WRITE
			      : WEFT__ACC_READ | WEFT__ACC_TRY_FAILED;
}

int weft__mutex_trylock(weft_mutex_t *m, const char *opname,
			const struct weft_loc *loc)
{
	return weft__mutex_trylock_as(m, opname, loc, NULL);
}

int weft__mutex_trylock_as(weft_mutex_t *m, const char *opname,
			   const struct weft_loc *loc,
			   const struct weft__mutex_as *as)
{
	int self = weft__self();
	struct weft__op op = { .name = opname, .obj = m,
			       .objname = weft__mutex_name(m),
			       .access = WEFT__ACC_WRITE,
			       .access_now = trylock_access, .arg2 = self + 1,
			       .lock_now = lock_effect, .loc = loc };

	weft__mutex_check_usable(m, opname, loc);
	op.lock = lock_of(m, WEFT__LOCK_TRY, loc, as);
	op.reenter = m->owner == self + 1 && m->kind == WEFT_MUTEX_RECURSIVE;
	weft__visible(&op);
	weft__mutex_check_usable(m, opname, loc);
	if (m->owner == self + 1 && m->kind == WEFT_MUTEX_RECURSIVE) {
		m->depth++;
		return 0;
	}
	if (m->owner != 0) {
		weft__step_note("busy");
		weft__spun_tried();
		return -EBUSY;
	}
	m->owner = self + 1;
	m->depth = 1;
	m->acquired = loc;
	return 0;
}

int weft_mutex_trylock_at(weft_mutex_t *m, const struct weft_loc *loc)
{
	return weft__mutex_trylock(m, "mutex_trylock", loc);
}

int(weft_mutex_trylock)(weft_mutex_t *m)
{
	return weft_mutex_trylock_at(m, NULL);
}

/* Checks that the caller holds m; misuse otherwise. */
void weft__mutex_check_held(weft_mutex_t *m, const char *opname,
			    const struct weft_loc *loc)
{
	int self = weft__self();

	weft__mutex_check_usable(m, opname, loc);
	if (m->owner == self + 1)
		return;
	if (m->owner == 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of %s, which is not locked",
			   opname, weft__mutex_name(m));
	weft__fail(WEFT__K(MISUSE), loc,
		   "%s of %s by %s, but %s holds it", opname,
		   weft__mutex_name(m), weft__thread_name(self),
		   owner_name(m->owner));
}

/* An unlock that leaves a recursive mutex held releases nothing. */
static uint8_t unlock_effect(const struct weft__op *op)
{
	const weft_mutex_t *m = op->obj;

	return m->depth > 1 ? WEFT__LOCK_NONE : WEFT__LOCK_RELEASE;
}

void weft__mutex_unlock(weft_mutex_t *m, const char *opname,
			const struct weft_loc *loc)
{
	weft__mutex_unlock_as(m, opname, loc, NULL);
}

void weft__mutex_unlock_as(weft_mutex_t *m, const char *opname,
			   const struct weft_loc *loc,
			   const struct weft__mutex_as *as)
{
	struct weft__op op = { .name = opname, .obj = m,
			       .objname = weft__mutex_name(m),
			       .access = WEFT__ACC_WRITE, .release = true,
			       .lock_now = unlock_effect, .loc = loc };

	weft__mutex_check_held(m, opname, loc);
	op.lock = lock_of(m, WEFT__LOCK_RELEASE, loc, as);
	weft__visible(&op);
	weft__check_access(m, sizeof *m, true, loc);
	if (--m->depth > 0)
		return;
	m->owner = 0;
	weft__mutex_unlock_alone(m, weft__self());
}

void weft_mutex_unlock_at(weft_mutex_t *m, const struct weft_loc *loc)
{
	weft__mutex_unlock(m, "mutex_unlock", loc);
}

void(weft_mutex_unlock)(weft_mutex_t *m)
{
	weft_mutex_unlock_at(m, NULL);
}

/* A thread other than the caller parked at a lock or trylock of m (it has
 * called the function, so it is attempting to lock m), or -1. */
static int lock_waiter(const weft_mutex_t *m)
{
	for (int i = 0; i < weft__nthreads(); i++) {
		const struct weft__op *p = weft__thread_pending(i);
		if (i != weft__self() && p && p->obj == m &&
		    (p->ready == lock_ready || p->access_now == trylock_access))
			return i;
	}
	return -1;
}

/* Destroying a mutex that is held, that a thread attempts to lock, or
 * that a thread waiting on a condition variable will re-take is misuse
 * (POSIX leaves all three undefined), as is destroying it twice. */
void weft_mutex_destroy_at(weft_mutex_t *m, const struct weft_loc *loc)
{
	const weft_cond_t *c;
	int t;

	weft__check_access(m, sizeof *m, true, loc);
	if (m->owner == DESTROYED)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroying %s, which was already "
			   "destroyed at %s", weft__mutex_name(m),
			   weft__sync_site(m->acquired));
	if (m->owner)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroying %s while %s holds it (taken at %s)",
			   weft__mutex_name(m), owner_name(m->owner),
			   weft__sync_site(m->acquired));
	if ((t = lock_waiter(m)) >= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroying %s while %s waits to lock it at %s",
			   weft__mutex_name(m), weft__thread_name(t),
			   weft__sync_site(weft__thread_pending(t)->loc));
	if ((t = weft__cond_waiter_with(m, &c)) >= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroying %s while %s waits on %s with it at %s",
			   weft__mutex_name(m), weft__thread_name(t),
			   c->name ? c->name : weft__objname(c, "cond"),
			   weft__sync_site(weft__thread_pending(t)->loc));
	m->owner = DESTROYED;
	m->depth = 0;
	m->acquired = loc;
}

/* Whether m is really held: the owner recorded in the object is a live
 * thread that holds m's lock class, taken at the place m records.  Stale
 * bytes in memory that was never initialised (a reused stack) do not pass
 * for a held mutex. */
bool weft__mutex_held(const weft_mutex_t *m)
{
	if (m->owner <= 0 || m->owner > weft__nthreads() || m->cls <= 0)
		return false;
	return weft__thread_holds(m->owner - 1, m->cls - 1, m->acquired);
}

void(weft_mutex_destroy)(weft_mutex_t *m)
{
	weft_mutex_destroy_at(m, NULL);
}
