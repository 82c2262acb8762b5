/* src/pthread/robust.c - robust mutexes (PTHREAD_MUTEX_ROBUST).
 *
 * A robust mutex whose owner ends while holding it is not lost: the next
 * thread to lock it gets it with EOWNERDEAD, repairs the state it
 * protects and calls pthread_mutex_consistent; unlocking it without doing
 * so leaves it unrecoverable, and every later lock fails with
 * ENOTRECOVERABLE.  Without this model a correct program that recovers
 * from a dead owner was reported as a deadlock.
 *
 * The pthread_mutex_t has no room left beside its weft mutex, so the
 * robust ones are kept in a per-execution table keyed by address, filled
 * by pthread_mutex_init from the attribute.  A thread that ends (its
 * start routine returns or it calls pthread_exit) releases the robust
 * mutexes it holds, after its thread-specific data destructors, as the
 * kernel walks glibc's robust list: that release is a step of the ending
 * thread, and a waiter then takes the mutex and learns that its owner
 * died. */
#include <errno.h>

#include "pthread/pt.h"
#include "sync/sync.h"
#include "detect/heap.h"
#include "modelled.h"

#define MAX_ROBUST 256

enum state { RB_OK, RB_OWNER_DIED, RB_INCONSISTENT, RB_UNRECOVERABLE };

struct robust {
	pthread_mutex_t *m;   /* NULL: a free entry */
	enum state state;
};
static struct robust table[MAX_ROBUST];
static int nrobust;

static struct robust *find(const pthread_mutex_t *m)
{
	for (int i = 0; i < nrobust; i++)
		if (table[i].m == m)
			return &table[i];
	return NULL;
}

void weft__pt_robust_init(pthread_mutex_t *m, bool robust,
			  const struct weft_loc *loc)
{
	struct robust *r = find(m);

	if (!robust) {
		if (r)
			r->m = NULL;
		return;
	}
	if (!r && (r = find(NULL)) == NULL) {
		if (nrobust == MAX_ROBUST)
			weft__limit("unsupported: robust mutexes", loc,
				    "more than %d robust mutexes in one "
				    "execution", MAX_ROBUST);
		r = &table[nrobust++];
	}
	r->m = m;
	r->state = RB_OK;
}

void weft__pt_robust_destroy(pthread_mutex_t *m)
{
	struct robust *r = nrobust ? find(m) : NULL;

	if (r)
		r->m = NULL;
}

bool weft__pt_robust_known(const pthread_mutex_t *m)
{
	return nrobust && find(m);
}

bool weft__pt_robust_unrecoverable(const pthread_mutex_t *m)
{
	const struct robust *r = nrobust ? find(m) : NULL;

	return r && r->state == RB_UNRECOVERABLE;
}

/* The caller has just taken m: EOWNERDEAD when its previous owner died
 * holding it (the caller now holds it, inconsistent), ENOTRECOVERABLE
 * when it became unrecoverable while the caller waited (given back). */
int weft__pt_robust_acquired(pthread_mutex_t *m, const char *opname,
			     const struct weft_loc *loc)
{
	struct robust *r = nrobust ? find(m) : NULL;

	if (!r)
		return 0;
	if (r->state == RB_OWNER_DIED) {
		r->state = RB_INCONSISTENT;
		weft__step_note("owner died");
		return EOWNERDEAD;
	}
	if (r->state == RB_UNRECOVERABLE) {
		weft__mutex_unlock(weft__pt_mutex(m), opname, loc);
		return ENOTRECOVERABLE;
	}
	return 0;
}

/* The owner unlocks m: if it never made m consistent, m is unusable. */
void weft__pt_robust_unlocking(const pthread_mutex_t *m)
{
	struct robust *r = nrobust ? find(m) : NULL;

	if (r && r->state == RB_INCONSISTENT)
		r->state = RB_UNRECOVERABLE;
}

void weft__pt_robust_thread_exit(int tid)
{
	for (int i = 0; i < nrobust; i++) {
		pthread_mutex_t *m = table[i].m;
		weft_mutex_t *w;

		/* A mutex in freed memory (or in none) is the program's
		 * bug, reported when it is used; nothing is left to
		 * release. */
		if (!m || (weft__in_tracked_heap(m) &&
			   weft__heap_bad(m, sizeof *m)))
			continue;
		w = weft__pt_mutex(m);
		if (w->owner != tid + 1)
			continue;
		table[i].state = RB_OWNER_DIED;
		while (w->owner == tid + 1)
			weft__mutex_unlock(w, "owner died", w->acquired);
	}
}

/* Not a scheduling point: only the thread holding m after an EOWNERDEAD
 * changes anything, and what it changes only its own unlock reads. */
int __weft_pthread_mutex_consistent(pthread_mutex_t *m)
{
	struct robust *r;

	if (!weft__pt_live())
		return pthread_mutex_consistent(m);
	r = nrobust ? find(m) : NULL;
	if (!r || r->state != RB_INCONSISTENT)
		return EINVAL;
	r->state = RB_OK;
	return 0;
}

/* The robust mutexes initialised before any execution (see
 * weft__pt_robust_premain); more than fit are left normal ones. */
static pthread_mutex_t *premain[32];
static int npremain;

void weft__pt_robust_premain(pthread_mutex_t *m)
{
	for (int i = 0; i < npremain; i++)
		if (premain[i] == m)
			return;
	if (npremain < (int)(sizeof premain / sizeof premain[0]))
		premain[npremain++] = m;
}

void weft__pt_robust_begin(void)
{
	for (nrobust = 0; nrobust < npremain; nrobust++)
		table[nrobust] = (struct robust){ premain[nrobust], RB_OK };
}
