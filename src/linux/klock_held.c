/* src/linux/klock_held.c - which kernel locks a thread holds: the
 * kernel's entries of the kit's held-lock set (tagged by klock.c), and the
 * checks and questions that read them: a lock freed or a thread ended
 * while held, what a blocked acquisition waits for, lockdep_assert_held
 * and the lockdep_is_held family. */
#include <stdio.h>

#include "lx.h"
#include "sync/sync.h"
#include <kernel/linux/weft_ext.h>

/* The tag of kernel locks in the kit's held-lock set (klock.c's lock_of
 * puts it on each). */
const char weft__lx_klock_tag = 'k';

/* The i-th innermost kernel lock thread t holds (0: the innermost;
 * spinning: only those that spin), or NULL. */
static const struct weft_klock *held_nth(int t, int i, bool spinning)
{
	const struct weft__held_lock *e;
	int n = weft__held_locks(t, &e);

	while (n--)
		if (e[n].tag == &weft__lx_klock_tag && (!spinning || e[n].spins) &&
		    i-- == 0)
			return e[n].obj;
	return NULL;
}

/* Whether thread t holds l (exclusively or shared). */
bool weft__lx_holds(int t, const struct weft_klock *l)
{
	const struct weft_klock *h;

	for (int i = 0; (h = held_nth(t, i, false)); i++)
		if (h == l)
			return true;
	return false;
}

/* A thread other than the caller that holds l, the site of its innermost
 * hold in *at; or -1.  From the held sets, not the lock's bytes, which
 * an init may be about to write over an older object's (kmalloc'd
 * memory, a stack). */
int weft__lx_klock_holder(const struct weft_klock *l,
			  const struct weft_loc **at)
{
	int self = weft__self();

	for (int t = 0; t < weft__nthreads(); t++) {
		const struct weft__held_lock *e;
		int n = t == self ? 0 : weft__held_locks(t, &e);

		while (n--)
			if (e[n].tag == &weft__lx_klock_tag && e[n].obj == l) {
				*at = e[n].at;
				return t;
			}
	}
	return -1;
}

int weft__lx_held_list(int t, const struct weft_klock **out, int max)
{
	const struct weft_klock *h;
	int n = 0;

	for (int i = 0; n < max && (h = held_nth(t, i, false)); i++)
		out[n++] = h;
	return n;
}

int weft__lx_nheld(int t)
{
	const struct weft__held_lock *e;
	int n = weft__held_locks(t, &e), k = 0;

	for (int i = 0; i < n; i++)
		k += e[i].tag == &weft__lx_klock_tag;
	return k;
}

const struct weft_klock *weft__lx_held_last(int t)
{
	return held_nth(t, 0, false);
}

const struct weft_klock *weft__lx_held_spinning(int t)
{
	return held_nth(t, 0, true);
}

void weft__lx_held_freed_check(const void *p, size_t n,
			       const struct weft_loc *loc)
{
	const struct weft_klock *l;

	for (int t = 0; t < weft__nthreads(); t++)
		for (int i = 0; (l = held_nth(t, i, false)); i++)
			if ((const char *)l >= (const char *)p &&
			    (const char *)l < (const char *)p + n)
				weft__fail(WEFT__K(MISUSE), loc,
					   "kfree of the memory of %s, which "
					   "%s holds (taken at %s): lockdep's "
					   "\"held lock freed\"",
					   weft__lx_klock_name(l),
					   weft__thread_name(t),
					   weft__lx_site(l->acquired));
}

/* A thread that returned holding a kernel lock leaves it held for good:
 * a work's or an interrupt handler's is reported as it returns; the
 * test's, a kthread's or a spawned thread's here.  Without it a task's
 * error path that forgot its unlock was verified (a probe of kernel
 * patterns). */
void weft__lx_held_end_check(void)
{
	const struct weft_klock *l;

	for (int t = 0; t < weft__nthreads(); t++)
		if (weft__thread_done(t) && (l = weft__lx_held_last(t)))
			weft__fail(WEFT__K(MISUSE), l->acquired,
				   "%s ended holding %s (taken here): "
				   "lockdep's \"lock held when returning\"",
				   weft__thread_name(t),
				   weft__lx_klock_name(l));
}

/* Thread t holds l for reading (the core rwlock's record of its read
 * holders, which has room for 256 threads where a lock the size of the
 * kernel's has none). */
bool weft__lx_klock_reader(int t, const struct weft_klock *l)
{
	return weft__rw_reads(t, &l->rw);
}

/* The first thread from t on that holds l for reading, or -1. */
static int next_reader(const struct weft_klock *l, int t)
{
	for (int n = weft__nthreads(); t < n; t++)
		if (weft__lx_klock_reader(t, l))
			return t;
	return -1;
}
int weft__lx_klock_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_klock *l = op->obj;
	int r = -1;

	if (l->owner) {
		snprintf(buf, n, "%s held by %s%s (taken at %s)",
			 weft__lx_klock_name(l), weft__lx_tname(l->owner - 1),
			 weft__thread_done(l->owner - 1)
				 ? ", which finished without unlocking it"
				 : "",
			 weft__lx_site(l->acquired));
		return l->owner - 1;
	}
	r = next_reader(l, 0);
	if (r < 0 && l->nonowner) {
		snprintf(buf, n, "%s held for reading by down_read_non_owner "
			 "(at %s), which up_read_non_owner gives back",
			 weft__lx_klock_name(l), weft__lx_site(l->acquired));
		return -1;
	}
	snprintf(buf, n, "%s held for reading by %d thread%s, first %s",
		 weft__lx_klock_name(l), l->readers, l->readers == 1 ? "" : "s",
		 r >= 0 ? weft__lx_tname(r) : "?");
	return r;
}

/* A zeroed lock that no init call or DEFINE_ macro set up. */
void weft__lx_klock_check_init(const struct weft_klock *l, const char *what,
			       const struct weft_loc *loc)
{
	if (!l->kind)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on %s, which was never initialised",
			   what, weft__objname(l, "lock"));
}

void weft_klock_assert_held(const struct weft_klock *l,
			    const struct weft_loc *loc)
{
	int me = weft__self();

	if (l->owner == me + 1 || weft__lx_klock_reader(me, l))
		return;
	weft__fail(WEFT__K(MISUSE), loc,
		   "%s is not held by %s (lockdep_assert_held)",
		   weft__lx_klock_name(l), weft__lx_tname(me));
}

int weft_klock_held(const struct weft_klock *l)
{
	return weft_klock_held_write(l) || weft_klock_held_read(l);
}

int weft_klock_held_write(const struct weft_klock *l)
{
	return l->owner == weft__self() + 1;
}

int weft_klock_held_read(const struct weft_klock *l)
{
	return weft__lx_klock_reader(weft__self(), l);
}

void weft_klock_destroy(struct weft_klock *l, const char *what,
			const struct weft_loc *loc)
{
	struct weft__op op = { .name = what, .obj = l,
			       .objname = weft__lx_klock_name(l),
			       .access = WEFT__ACC_WRITE, .loc = loc };
	const struct weft_loc *at = NULL;
	int t;

	weft__visible(&op);
	l->live = 0;
	if (!l->owner && !l->readers)
		return;
	t = weft__lx_klock_holder(l, &at);
	if (t < 0)
		weft__fail(WEFT__K(MISUSE), loc, "%s(%s) while holding it",
			   what, weft__lx_klock_name(l));
	weft__fail(WEFT__K(MISUSE), loc,
		   "%s(%s) while %s holds it (taken at %s)", what,
		   weft__lx_klock_name(l), weft__lx_tname(t),
		   weft__lx_site(at));
}
