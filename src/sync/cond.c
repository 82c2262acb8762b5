/* src/sync/cond.c - condition variables.
 *
 * A wait is three steps: (1) release the mutex and join the waiters, one
 * atomic step touching both objects; (2) wake up, enabled once signalled,
 * or at any time for a timed wait (the timeout), or at any time for a
 * spurious wakeup while the thread's budget allows one; (3) re-acquire the
 * mutex.  A timed wait woken without a signal either timed out or woke
 * spuriously (returning 0, as POSIX allows): an explored choice while the
 * budget allows a spurious wakeup.  A spurious wakeup may happen but is
 * never guaranteed, so a state in which only spurious wakeups could move
 * is still a deadlock.
 *
 * Lifetime: a destroyed condition variable has cls == DESTROYED until it
 * is initialised again (the all-zero static initialiser is alive); the
 * place of the destroy is kept in a per-execution table for reports.
 * Every operation checks that the object is alive and not in freed heap,
 * once it is scheduled. */
#include <errno.h>

#include "sync.h"

#define DESTROYED (-1)
#define MAX_DESTROYED 64
/* The key of the note on the spurious wakeup budget ("CONDWAKE"). */
#define WAKEUP_NOTE WEFT__NOTE_COND_WAKEUP

/* Where destroyed condition variables were destroyed (this execution). */
struct dsite {
	const weft_cond_t *c;
	const struct weft_loc *loc;
};
static struct dsite dsites[MAX_DESTROYED];
static int ndsites;

/* Each thread's wait, in the record of its id: the condition variable
 * it waits on (NULL: none), whether a waker chose it, the spurious
 * wakeups it used, and the mutex it released to wait (destroying that
 * mutex then is destroying a mutex the waiter will take again).  An entry
 * written under another thread's serial is stale and reads as empty. */
struct cwait {
	uint64_t serial;
	const weft_cond_t *obj;
	const weft_mutex_t *mutex;
	bool flag;
	int spurious;
	/* The order the wait began in (wait_seq), and for a waiter a signal
	 * chose, the last wait begun when it was signalled: a signal it
	 * passes on (cancel_over_signal) goes to a waiter blocked then. */
	unsigned long seq, signalled_at;
};
static struct cwait waits[WEFT__MAX_THREADS];
static unsigned long wait_seq;

static void wake_one(weft_cond_t *c, const char *opname, unsigned long before,
		     const struct weft_loc *loc);

static struct cwait *wait_of(int tid)
{
	struct cwait *w = &waits[tid];
	uint64_t serial = weft__thread_serial(tid);

	if (w->serial != serial)
		*w = (struct cwait){ .serial = serial };
	return w;
}

/* Thread i waits on c and no waker chose it yet. */
static bool unwoken_on(int i, const weft_cond_t *c)
{
	const struct cwait *w;

	if (weft__thread_done(i))
		return false;
	w = wait_of(i);
	return w->obj == c && !w->flag;
}

static const char *cond_name(weft_cond_t *c)
{
	return c->name ? c->name : weft__objname(c, "cond");
}

void weft_cond_init(weft_cond_t *c, const char *name)
{
	c->name = name;
	c->cls = 0;
}

static const struct weft_loc *destroy_site(const weft_cond_t *c)
{
	for (int i = ndsites - 1; i >= 0; i--)
		if (dsites[i].c == c)
			return dsites[i].loc;
	return NULL;
}

void weft__cond_check_usable(weft_cond_t *c, const char *opname,
			     const struct weft_loc *loc)
{
	weft__check_access(c, sizeof *c, true, loc);
	if (c->cls == DESTROYED)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of %s, which was destroyed at %s",
			   opname, cond_name(c),
			   weft__sync_site(destroy_site(c)));
}

int weft__cond_waiter(const weft_cond_t *c)
{
	for (int i = 0; i < weft__nthreads(); i++)
		if (unwoken_on(i, c))
			return i;
	return -1;
}

int weft__cond_waiter_with(const weft_mutex_t *m, const weft_cond_t **c)
{
	for (int i = 0; i < weft__nthreads(); i++) {
		const struct cwait *w;
		if (weft__thread_done(i))
			continue;
		w = wait_of(i);
		if (w->obj && w->mutex == m) {
			*c = w->obj;
			return i;
		}
	}
	return -1;
}

/* A scheduling point (a write of c, so it is ordered against waits and
 * signals).  Destroying a condition variable a thread is blocked on is
 * misuse; after a broadcast its waiters are no longer blocked, and
 * destroying it then is allowed, as POSIX says. */
void weft__cond_destroy(weft_cond_t *c, const char *opname,
			const struct weft_loc *loc)
{
	int t;

	weft__check_access(c, sizeof *c, true, loc);
	weft__point(opname, c, cond_name(c), WEFT__ACC_WRITE, loc);
	weft__check_access(c, sizeof *c, true, loc);
	if (c->cls == DESTROYED)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroying %s, which was already "
			   "destroyed at %s", cond_name(c),
			   weft__sync_site(destroy_site(c)));
	if ((t = weft__cond_waiter(c)) >= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "destroying %s while %s waits on it at %s",
			   cond_name(c), weft__thread_name(t),
			   weft__sync_site(weft__thread_pending(t)->loc));
	c->cls = DESTROYED;
	if (ndsites < MAX_DESTROYED)
		dsites[ndsites++] = (struct dsite){ c, loc };
}

static bool wake_signalled(const struct weft__op *op)
{
	return wait_of((int)op->arg2)->flag;
}

/* A cancel request the waiter acts on ends its wait too (a wait at a
 * cancellation point, weft__cancel_point, has op->obj2). */
static bool wake_cancelled(const struct weft__op *op)
{
	return op->obj2 && weft__cancel_wakes((int)op->arg2);
}

static bool wake_ready(const struct weft__op *op)
{
	const struct cwait *w = wait_of((int)op->arg2);

	return w->flag || op->arg || weft__spurious_left(w->spurious) ||
	       wake_cancelled(op);
}

static bool wake_strong(const struct weft__op *op)
{
	return wake_signalled(op) || op->arg || wake_cancelled(op);
}

static int wake_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "condition %s to be signalled", op->objname);
	return -1;
}

/* A timed wait woke up without a signal: POSIX lets it return 0 (a
 * spurious wakeup) as well as time out, so while the thread's budget of
 * spurious wakeups allows one, which of the two it was is an explored
 * choice.  Timing out comes first, as the run the program most expects;
 * the spurious return then uses the same budget as an untimed wait's
 * (one per thread and execution), which keeps a retry loop around the
 * wait from doubling the executions at every turn. */
static bool timed_spurious(const struct cwait *w, const struct weft_loc *loc)
{
	if (!weft__spurious_left(w->spurious))
		return false;
	/* The wakeup step's own choice: as a step of its own, a signal
	 * between the two chose this waiter, which then timed out, and the
	 * signal was lost (a review's probe; random schedules found it,
	 * the exhaustive search took the orders for one). */
	(void)loc;
	return weft__choose_here(2) == 1;
}

/* A waiter at a cancellation point both signalled and asked to cancel
 * before it woke: either may win (glibc acts on a request that comes
 * while the woken thread is still in its futex wait), an explored
 * choice.  A cancelled waiter consumes no signal (POSIX): glibc passes
 * it on to another waiter, as here. */
static bool cancel_over_signal(weft_cond_t *c, struct cwait *w,
			       const struct weft_loc *loc)
{
	unsigned long before = w->signalled_at;

	if (!weft__choose_on(2, "a signalled waiter acts on its cancel request",
			     c, loc))
		return false;
	w->obj = NULL;
	w->flag = false;
	/* To a waiter blocked when the signal came (glibc's group of older
	 * waiters), not one that began to wait since: a newcomer took it,
	 * the older waiter stayed blocked, and a correct program was a
	 * deadlock (a probe). */
	wake_one(c, "signal passed on", before, loc);
	return true;
}

/* POSIX binds a condition variable to the mutex of its waits while one
 * thread waits on it, and leaves a wait with another mutex meanwhile
 * undefined (C++'s condition_variable makes it a precondition): a
 * misuse, which two waiters with two mutexes on one condition variable
 * were not (verified: a probe of C++ programs). */
static void other_mutex(weft_cond_t *c, weft_mutex_t *m, int self,
			const char *opname, const struct weft_loc *loc)
{
	for (int i = 0; i < weft__nthreads(); i++) {
		const struct cwait *o;
		if (i == self || weft__thread_done(i))
			continue;
		o = wait_of(i);
		if (o->obj == c && o->mutex && o->mutex != m)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s on %s with mutex %s while %s waits on it "
				   "with mutex %s: waits on one condition "
				   "variable with two mutexes at once are "
				   "undefined (POSIX pthread_cond_wait)",
				   opname, cond_name(c), weft__mutex_name(m),
				   weft__thread_name(i),
				   /* The waiter's own mutex, kept const
				    * here; naming it may intern its name. */
				   weft__mutex_name((weft_mutex_t *)o->mutex));
	}
}

int weft__cond_wait(weft_cond_t *c, weft_mutex_t *m, int timed,
		    const char *opname, const struct weft_loc *loc)
{
	int self = weft__self();
	struct cwait *w = wait_of(self);
	const char *name = cond_name(c);
	struct weft__op rel = { .name = opname, .obj = c, .obj2 = m,
				.objname = name, .access = WEFT__ACC_WRITE,
				.loc = loc };
	struct weft__op wake = { .name = timed ? "timed wakeup" : "wakeup",
				 .obj = c, .objname = name,
				 .access = WEFT__ACC_WRITE, .ready = wake_ready,
				 .strong = wake_strong, .waitdesc = wake_desc,
				 .timed = timed != 0,
				 .arg = timed ? (void *)1 : NULL,
				 .obj2 = weft__cancel_obj(),
				 .interruptible = weft__cancel_obj() != NULL,
				 .arg2 = self, .loc = loc };
	int depth, res = 0;
	bool spinning;

	weft__cond_check_usable(c, opname, loc);
	weft__mutex_check_held(m, opname, loc);
	/* A recursive mutex locked more than once: glibc's wait releases
	 * one level only, so the mutex stays held and the thread that would
	 * signal can never take it (POSIX leaves it undefined).  Releasing it
	 * whole verified programs that hang. */
	if (m->depth > 1)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s with %s locked %d times (recursively): the wait "
			   "releases one level only, so the mutex stays held "
			   "and no other thread can take it",
			   opname, weft__mutex_name(m), m->depth);
	rel.lock = (struct weft__op_lock){
		.cls1 = weft__mutex_class(m, loc) + 1,
		.effect = WEFT__LOCK_RELEASE };
	/* A waiter back from a timeout with nothing written since is in a
	 * round of its retry loop: giving the mutex back is no news to the
	 * threads that poll (weft__step_no_progress). */
	spinning = timed && weft__self_spinning();
	weft__visible(&rel);
	weft__step_no_progress(spinning);
	weft__cond_check_usable(c, opname, loc);
	depth = m->depth;
	m->owner = 0;
	m->depth = 0;
	other_mutex(c, m, self, opname, loc);
	w->obj = c;
	w->flag = false;
	w->mutex = m;
	w->seq = ++wait_seq;
	/* POSIX allows any number of spurious wakeups; weft explores one
	 * per thread and execution, and this wait can have none. */
	if (weft__spurious_spent(w->spurious))
		weft__verdict_spurious_capped(
			WAKEUP_NOTE,
			"a condition wait wakes spuriously at most once per "
			"thread in an execution: a bug that needs a thread's "
			"second spurious wakeup is not found");
	/* Waiting for the signal while holding other locks is a
	 * dependency lockdep-style checkers care about. */
	if (!c->cls)
		c->cls = weft__class(weft__class_key_for(c, loc), name) + 1;
	weft__wait_on_class(c->cls - 1, loc);
	weft__visible(&wake);
	/* A wakeup of a waiter in a retry round that brought no signal is
	 * no news either. */
	weft__step_no_progress(spinning && !w->flag);
	if (wake_cancelled(&wake) &&
	    (!w->flag || cancel_over_signal(c, w, loc))) {
		/* Woken by a cancel request: the mutex is taken back before
		 * the caller acts on it (the cleanup handlers run with it
		 * held). */
		weft__step_note("cancelled");
		res = -ECANCELED;
	} else if (w->flag) {
		weft__step_note("signalled");
	} else if (timed &&
		   (timed == WEFT__COND_EXPIRED || !timed_spurious(w, loc))) {
		weft__timed_out();
		res = -ETIMEDOUT;
	} else {
		weft__step_note("spurious");
		w->spurious++;
	}
	w->obj = NULL;
	w->flag = false;
	/* Taking the mutex back after a timeout: the same round. */
	spinning = res == -ETIMEDOUT;
	weft__mutex_lock(m, "mutex_lock", loc);
	weft__step_no_progress(spinning);
	m->depth = depth;
	return res;
}

int weft_cond_wait_at(weft_cond_t *c, weft_mutex_t *m, int timed,
		      const struct weft_loc *loc)
{
	return weft__cond_wait(c, m, timed,
			       timed ? "cond_timedwait" : "cond_wait", loc);
}

void(weft_cond_wait)(weft_cond_t *c, weft_mutex_t *m)
{
	(void)weft_cond_wait_at(c, m, 0, NULL);
}

/* Wake one waiter (an explored choice among them) or all of them, of
 * those that began to wait by wait_seq before (0: every one).  The choice
 * is the step's own: as a step of its own, a waiter that timed out or was
 * cancelled in between could be chosen, and the signal was lost. */
static void wake(weft_cond_t *c, bool all, const char *opname,
		 unsigned long before, const struct weft_loc *loc)
{
	int waiters[WEFT__MAX_THREADS], n = 0;
	struct cwait *w;

	/* Not a release for the race analysis: a waiter's wakeup must be
	 * reordered before the signal to explore spurious wakeups. */
	weft__check_access(c, sizeof *c, true, loc);
	weft__point(opname, c, cond_name(c), WEFT__ACC_WRITE, loc);
	weft__cond_check_usable(c, opname, loc);
	for (int i = 0; i < weft__nthreads(); i++)
		if (unwoken_on(i, c) && (!before || wait_of(i)->seq <= before))
			waiters[n++] = i;
	if (n == 0) {
		weft__step_note("no waiter");
		return;
	}
	for (int i = 0; i < n; i++) {
		int k = all ? i : n > 1 ? weft__choose_here(n) : 0;

		w = wait_of(waiters[k]);
		w->flag = true;
		/* Which waiter, in the trace (the choice has no row). */
		if (!all && n > 1)
			weft__step_note(weft__internf(
				"woke %s", weft__thread_name(waiters[k])));
		/* A signal passed on keeps the time it was first sent: passed
		 * on twice, it reached a waiter that began since (a review). */
		w->signalled_at = before ? before : wait_seq;
		if (!all)
			return;
	}
}

static void wake_one(weft_cond_t *c, const char *opname, unsigned long before,
		     const struct weft_loc *loc)
{
	wake(c, false, opname, before, loc);
}

void weft__cond_wake(weft_cond_t *c, bool all, const char *opname,
		     const struct weft_loc *loc)
{
	wake(c, all, opname, 0, loc);
}

void weft_cond_signal_at(weft_cond_t *c, const struct weft_loc *loc)
{
	weft__cond_wake(c, false, "cond_signal", loc);
}

void weft_cond_broadcast_at(weft_cond_t *c, const struct weft_loc *loc)
{
	weft__cond_wake(c, true, "cond_broadcast", loc);
}

void(weft_cond_signal)(weft_cond_t *c)
{
	weft_cond_signal_at(c, NULL);
}

void(weft_cond_broadcast)(weft_cond_t *c)
{
	weft_cond_broadcast_at(c, NULL);
}

void weft__sync_cond_begin(void)
{
	ndsites = 0;
}
