/* src/sync/mutex.c - weft_mutex_t.
 *
 * The state is in the object: owner (thread id + 1) and, for recursive
 * mutexes, a depth.  Lock is one step, enabled only while the mutex is free,
 * so a thread never "spins" on a held mutex: the explorer simply does not
 * choose it, and the deadlock detector sees it as blocked. */
#include <errno.h>

#include "sync.h"

const char *weft__mutex_name(weft_mutex_t *m)
{
	return m->name ? m->name : weft__objname(m, "mutex");
}

int weft__mutex_class(weft_mutex_t *m, const struct weft_loc *loc)
{
	if (!m->cls)
		m->cls = weft__class(weft__class_key_for(m, loc),
				     weft__mutex_name(m)) + 1;
	return m->cls - 1;
}

static bool lock_ready(const struct weft__op *op)
{
	const weft_mutex_t *m = op->obj;

	return m->owner == 0 ||
	       (m->kind == WEFT_MUTEX_RECURSIVE && m->owner == weft__self() + 1);
}

/* Also used by op->arg2 == owner for other lock kinds. */
int weft__lock_waitdesc(const char *what, const char *name, int owner,
			const struct weft_loc *at, char *buf, size_t n)
{
	if (owner <= 0) {
		snprintf(buf, n, "%s %s", what, name);
		return -1;
	}
	if (at && at->file)
		snprintf(buf, n, "%s %s held by %s (taken at %s:%d)", what,
			 name, weft__thread_name(owner - 1), at->file,
			 at->line);
	else
		snprintf(buf, n, "%s %s held by %s", what, name,
			 weft__thread_name(owner - 1));
	return owner - 1;
}

static int lock_desc(const struct weft__op *op, char *buf, size_t n)
{
	const weft_mutex_t *m = op->obj;

	return weft__lock_waitdesc("mutex", op->objname, m->owner, m->acquired,
				   buf, n);
}

void weft_mutex_init(weft_mutex_t *m, const char *name)
{
	*m = (weft_mutex_t)WEFT_MUTEX_INIT;
	m->name = name;
}

void weft__mutex_lock(weft_mutex_t *m, const char *opname,
		      const struct weft_loc *loc)
{
	int self = weft__self();
	struct weft__op op = { .name = opname, .obj = m,
			       .objname = weft__mutex_name(m),
			       .access = WEFT__ACC_WRITE, .ready = lock_ready,
			       .waitdesc = lock_desc, .loc = loc };

	if (m->owner == self + 1 && m->kind != WEFT_MUTEX_RECURSIVE) {
		weft__point(opname, m, op.objname, WEFT__ACC_WRITE, loc);
		weft__fail("deadlock", loc,
			   "thread %s locks %s, which it already holds (taken "
			   "at %s:%d)",
			   weft__thread_name(self), op.objname,
			   m->acquired ? m->acquired->file : "?",
			   m->acquired ? m->acquired->line : 0);
	}
	weft__visible(&op);
	if (m->owner == self + 1) {
		m->depth++;
		return;
	}
	m->owner = self + 1;
	m->depth = 1;
	m->acquired = loc;
	weft__lock_acquire(weft__mutex_class(m, loc), loc, false);
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
	return lock_ready(op) ? WEFT__ACC_WRITE : WEFT__ACC_READ;
}

int weft__mutex_trylock(weft_mutex_t *m, const char *opname,
			const struct weft_loc *loc)
{
	int self = weft__self();
	struct weft__op op = { .name = opname, .obj = m,
			       .objname = weft__mutex_name(m),
			       .access = WEFT__ACC_WRITE,
			       .access_now = trylock_access, .loc = loc };

	weft__visible(&op);
	if (m->owner == self + 1 && m->kind == WEFT_MUTEX_RECURSIVE) {
		m->depth++;
		return 0;
	}
	if (m->owner != 0) {
		weft__step_note("busy");
		weft__spun();
		return -EBUSY;
	}
	m->owner = self + 1;
	m->depth = 1;
	m->acquired = loc;
	weft__lock_acquire(weft__mutex_class(m, loc), loc, true);
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

	if (m->owner == self + 1)
		return;
	if (m->owner == 0)
		weft__fail("misuse", loc, "%s of %s, which is not locked",
			   opname, weft__mutex_name(m));
	weft__fail("misuse", loc, "%s of %s by %s, but %s holds it", opname,
		   weft__mutex_name(m), weft__thread_name(self),
		   weft__thread_name(m->owner - 1));
}

void weft__mutex_unlock(weft_mutex_t *m, const char *opname,
			const struct weft_loc *loc)
{
	weft__mutex_check_held(m, opname, loc);
	weft__release_point(opname, m, weft__mutex_name(m), loc);
	if (--m->depth > 0)
		return;
	m->owner = 0;
	weft__lock_release(weft__mutex_class(m, loc), loc);
}

void weft_mutex_unlock_at(weft_mutex_t *m, const struct weft_loc *loc)
{
	weft__mutex_unlock(m, "mutex_unlock", loc);
}

void(weft_mutex_unlock)(weft_mutex_t *m)
{
	weft_mutex_unlock_at(m, NULL);
}

void weft_mutex_destroy_at(weft_mutex_t *m, const struct weft_loc *loc)
{
	if (m->owner)
		weft__fail("misuse", loc, "destroying %s while %s holds it",
			   weft__mutex_name(m), weft__thread_name(m->owner - 1));
}

void(weft_mutex_destroy)(weft_mutex_t *m)
{
	weft_mutex_destroy_at(m, NULL);
}
