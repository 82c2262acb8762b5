/* src/sync/cond.c - condition variables.
 *
 * A wait is three steps: (1) release the mutex and join the waiters, one
 * atomic step touching both objects; (2) wake up, enabled once signalled,
 * or at any time for a timed wait (the timeout), or at any time for a
 * spurious wakeup while the thread's budget allows one; (3) re-acquire the
 * mutex.  A spurious wakeup may happen but is never guaranteed, so a state
 * in which only spurious wakeups could move is still a deadlock. */
#include <errno.h>

#include "sync.h"
#include "sched/sched.h"

static const char *cond_name(weft_cond_t *c)
{
	return c->name ? c->name : weft__objname(c, "cond");
}

void weft_cond_init(weft_cond_t *c, const char *name)
{
	c->name = name;
	c->cls = 0;
}

static bool wake_signalled(const struct weft__op *op)
{
	return weft__X->th[op->arg2].wait_flag != 0;
}

static bool wake_ready(const struct weft__op *op)
{
	const struct weft__thread *t = &weft__X->th[op->arg2];

	return t->wait_flag || op->arg || (weft__opts.spurious && t->spurious < 1);
}

static bool wake_strong(const struct weft__op *op)
{
	return wake_signalled(op) || op->arg;
}

static int wake_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "condition %s to be signalled", op->objname);
	return -1;
}

int weft__cond_wait(weft_cond_t *c, weft_mutex_t *m, int timed,
		    const char *opname, const struct weft_loc *loc)
{
	struct weft__thread *t = &weft__X->th[weft__self()];
	const char *name = cond_name(c);
	struct weft__op rel = { .name = opname, .obj = c, .obj2 = m,
				.objname = name, .access = WEFT__ACC_WRITE,
				.loc = loc };
	struct weft__op wake = { .name = timed ? "timed wakeup" : "wakeup",
				 .obj = c, .objname = name,
				 .access = WEFT__ACC_WRITE, .ready = wake_ready,
				 .strong = wake_strong, .waitdesc = wake_desc,
				 .arg = timed ? (void *)1 : NULL,
				 .arg2 = t->id, .loc = loc };
	int depth, res = 0;

	weft__mutex_check_held(m, opname, loc);
	weft__visible(&rel);
	depth = m->depth;
	m->owner = 0;
	m->depth = 0;
	weft__lock_release(weft__mutex_class(m, loc), loc);
	t->wait_obj = c;
	t->wait_flag = 0;
	/* Waiting for the signal while holding other locks is a
	 * dependency lockdep-style checkers care about. */
	if (!c->cls)
		c->cls = weft__class(weft__class_key_for(c, loc), name) + 1;
	weft__wait_on_class(c->cls - 1, loc);
	weft__visible(&wake);
	if (t->wait_flag) {
		weft__step_note("signalled");
	} else if (timed) {
		weft__step_note("timed out");
		res = -ETIMEDOUT;
	} else {
		weft__step_note("spurious");
		t->spurious++;
	}
	t->wait_obj = NULL;
	t->wait_flag = 0;
	weft__mutex_lock(m, "mutex_lock", loc);
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

/* Wake one waiter (an explored choice among them) or all of them. */
static void wake(weft_cond_t *c, bool all, const char *opname,
		 const struct weft_loc *loc)
{
	struct weft__exec *X = weft__X;
	int waiters[WEFT__MAX_THREADS], n = 0;

	/* Not a release for the race analysis: a waiter's wakeup must be
	 * reordered before the signal to explore spurious wakeups. */
	weft__point(opname, c, cond_name(c), WEFT__ACC_WRITE, loc);
	for (int i = 0; i < X->nthreads; i++)
		if (X->th[i].state == TS_LIVE && X->th[i].wait_obj == c &&
		    !X->th[i].wait_flag)
			waiters[n++] = i;
	if (n == 0) {
		weft__step_note("no waiter");
		return;
	}
	if (all) {
		for (int i = 0; i < n; i++)
			X->th[waiters[i]].wait_flag = 1;
		return;
	}
	X->th[waiters[n > 1 ? weft__choose(n, "which waiter", loc) : 0]]
		.wait_flag = 1;
}

void weft_cond_signal_at(weft_cond_t *c, const struct weft_loc *loc)
{
	wake(c, false, "cond_signal", loc);
}

void weft_cond_broadcast_at(weft_cond_t *c, const struct weft_loc *loc)
{
	wake(c, true, "cond_broadcast", loc);
}

void(weft_cond_signal)(weft_cond_t *c)
{
	weft_cond_signal_at(c, NULL);
}

void(weft_cond_broadcast)(weft_cond_t *c)
{
	weft_cond_broadcast_at(c, NULL);
}
