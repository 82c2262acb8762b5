/* src/pthread/futex.c - the Linux futex, as syscall(SYS_futex, ...) reaches
 * it: libstdc++'s std::future, std::atomic::wait, C++20 latches,
 * semaphores and barriers, and programs' own futex locks.
 *
 * A wait is two steps: (1) compare the word with the expected value and,
 * when equal, join the word's waiters, one step (the kernel makes the
 * comparison and the queueing atomic, which is what keeps a wake from
 * being lost); (2) wake up, enabled once a wake chose the thread, at any
 * time for a wait with a timeout (it timed out), or at any time while the
 * thread's budget allows a spurious wakeup (futex(2): "callers should
 * always conservatively assume that a return value of 0 can mean a
 * spurious wake-up"), one per thread and execution as for condition
 * variables, none under --no-spurious.  A spurious wakeup may happen but
 * is never guaranteed, so a state in which only spurious wakeups could
 * move is still a deadlock.  A wake is one step
 * that chooses its waiters: all of them when it may wake as many, an
 * explored choice among them otherwise (the kernel's order is not
 * something a program may count on).
 *
 * Both steps are relaxed for the race detector: a futex call orders
 * nothing by itself; what a program relies on is its atomics on the word,
 * which weft sees (libstdc++'s are in its headers, compiled into the
 * program).  For the explorer every step is on the word: the comparison
 * reads it, a wake and a wakeup write it. */
#include <errno.h>
#include <linux/futex.h>
#include <stdio.h>

#include "pthread/pt.h"

/* The key of the note on the spurious wakeup budget ("FUTXWAKE"). */
#define WAKEUP_NOTE WEFT__NOTE_FUTEX_WAKEUP

/* Each thread's wait, in the record of its id: the word it waits on
 * (NULL: none), the bits it waits for (FUTEX_WAIT_BITSET), and whether a
 * wake chose it, and the spurious wakeups it used.  An entry written under
 * another thread's serial is stale and reads as empty. */
struct fwait {
	uint64_t serial;
	const void *word;
	uint32_t bits;
	bool woken;
	int spurious;
	struct weft__op *op;  /* its pending wakeup, while it waits */
};
static struct fwait waits[WEFT__MAX_THREADS];

static struct fwait *wait_of(int tid)
{
	struct fwait *w = &waits[tid];
	uint64_t serial = weft__thread_serial(tid);

	if (w->serial != serial)
		*w = (struct fwait){ .serial = serial };
	return w;
}

/* Thread i waits on word for one of bits, and no wake chose it yet. */
static bool unwoken_on(int i, const void *word, uint32_t bits)
{
	const struct fwait *w;

	if (weft__thread_done(i))
		return false;
	w = wait_of(i);
	return w->word == word && (w->bits & bits) && !w->woken;
}

static bool wakeup_strong(const struct weft__op *op)
{
	return op->arg || wait_of((int)op->arg2)->woken;
}

static bool wakeup_ready(const struct weft__op *op)
{
	return wakeup_strong(op) ||
	       weft__spurious_left(wait_of((int)op->arg2)->spurious);
}

/* A timed wait woke up without a wake: it timed out, or (while the budget
 * allows one) woke spuriously, an explored choice, timing out first. */
static bool timed_spurious(const struct fwait *w, const struct weft_loc *loc)
{
	if (!weft__spurious_left(w->spurious))
		return false;
	return weft__choose(2, "timed futex wakeup is spurious", loc) == 1;
}

static int wakeup_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "a futex wake of %s", op->objname);
	return -1;
}

long weft__pt_futex_wait(const uint32_t *word, uint32_t val, uint32_t bits,
			 long long timeout_ns, const struct weft_loc *loc)
{
	int self = weft__self();
	bool timed = timeout_ns >= 0;
	const char *name = weft__objname(word, "futex");
	/* The word's identity as its atomic accesses have it (a futex in
	 * the upper half of a word loaded whole: overlap.c). */
	const void *obj = weft__por_obj(word, sizeof *word);
	struct weft__op cmp = { .name = "futex_wait", .obj = obj,
				.objname = name, .access = WEFT__ACC_READ,
				.order = WEFT__ORDER_EXPLICIT, .loc = loc };
	struct weft__op wake = { .name = timed ? "futex timed wakeup"
					       : "futex wakeup",
				 .obj = obj, .objname = name,
				 .access = WEFT__ACC_WRITE,
				 .order = WEFT__ORDER_EXPLICIT,
				 .ready = wakeup_ready,
				 .strong = wakeup_strong,
				 .waitdesc = wakeup_desc,
				 .timed = timed,
				 .arg = timed ? (void *)1 : NULL,
				 .arg2 = self, .loc = loc };
	struct fwait *w;

	if (!bits) {
		errno = EINVAL;
		return -1;
	}
	weft__check_access(word, sizeof *word, false, loc);
	weft__visible(&cmp);
	weft__check_access(word, sizeof *word, false, loc);
	if (*(const volatile uint32_t *)word != val) {
		weft__step_note("value changed");
		errno = EAGAIN;
		return -1;
	}
	w = wait_of(self);
	w->word = word;
	w->bits = bits;
	w->woken = false;
	w->op = &wake;
	/* futex(2) allows any number of spurious wakeups; weft explores one
	 * per thread and execution, and this wait can have none. */
	if (weft__spurious_spent(w->spurious))
		weft__verdict_spurious_capped(
			WAKEUP_NOTE,
			"a futex wait wakes spuriously at most once per thread "
			"in an execution: a bug that needs a thread's second "
			"spurious wakeup is not found");
	weft__visible(&wake);
	w = wait_of(self);
	w->word = NULL;
	w->op = NULL;
	if (w->woken) {
		weft__step_note("woken");
		return 0;
	}
	if (timed && !timed_spurious(w, loc)) {
		/* It waited until its deadline: a loop that reads the clock
		 * after it sees the deadline passed. */
		weft__step_note("timeout");
		weft__timed_out();
		weft__pt_time_jump(timeout_ns, loc);
		errno = ETIMEDOUT;
		return -1;
	}
	weft__step_note("spurious");
	w->spurious++;
	return 0;
}

/* The waiters on word for one of bits now, as a set of thread ids. */
static weft__tset waiters_now(const void *word, uint32_t bits)
{
	weft__tset s = weft__ts_none();

	for (int i = 0; i < weft__nthreads(); i++)
		if (unwoken_on(i, word, bits))
			weft__ts_add(&s, i);
	return s;
}

/* Linux wakes one waiter for a count of 0 or less (futex_wake's nr_wake).
 * The waiters are those queued when the wake's step is taken; when it may
 * wake fewer than them, which ones is an explored choice, and a choice is
 * a scheduling point of its own: a candidate that left in the meantime
 * (timed out, woke spuriously) is no longer one, and the pick is made
 * again among those still waiting, as if it had left before the wake. */
/* Waiter k is chosen: woken (to NULL), or moved to wait on word to. */
static void act(int k, const uint32_t *to)
{
	struct fwait *w = wait_of(k);

	if (!to) {
		w->woken = true;
		return;
	}
	/* Its wakeup is a step on the new word too, which a wake of that
	 * word enables. */
	w->word = to;
	if (w->op)
		w->op->obj2 = weft__por_obj(to, sizeof *to);
}

/* Up to n of the waiters on word for one of bits among cand (those
 * still waiting), chosen as the kernel's order is: an explored choice
 * when fewer than all are taken, a step on obj (the word) of its own,
 * since the waiter it marks is the word's state that the waiters' steps
 * read.  A candidate that left meanwhile is no longer one.  Returns how
 * many it took. */
static int take(const uint32_t *word, uint32_t bits, weft__tset *cand, int n,
		const uint32_t *to, const void *obj, const struct weft_loc *loc)
{
	int took = 0;

	while (took < n) {
		weft__tset still = weft__ts_and(*cand, waiters_now(word, bits));
		int nw = weft__ts_count_below(&still, weft__nthreads()), k;
		if (nw == 0)
			break;
		if (took + nw <= n) {
			WEFT__TS_EACH(t, &still) {
				act(t, to);
				weft__ts_del(cand, t);
			}
			took += nw;
			break;
		}
		k = weft__ts_nth(&still,
				 weft__choose_on(nw, to ? "which futex waiter "
							  "to requeue"
							: "which futex waiter",
						 obj, loc));
		if (!unwoken_on(k, word, bits))
			continue;
		act(k, to);
		weft__ts_del(cand, k);
		took++;
	}
	return took;
}

long weft__pt_futex_wake(const uint32_t *word, int n, uint32_t bits,
			 const struct weft_loc *loc)
{
	struct weft__op op = { .name = "futex_wake",
			       .obj = weft__por_obj(word, sizeof *word),
			       .objname = weft__objname(word, "futex"),
			       .access = WEFT__ACC_WRITE,
			       .order = WEFT__ORDER_EXPLICIT, .loc = loc };
	weft__tset cand;
	int woken;

	if (!bits) {
		errno = EINVAL;
		return -1;
	}
	if (n <= 0)
		n = 1;
	weft__visible(&op);
	cand = waiters_now(word, bits);
	woken = take(word, bits, &cand, n, NULL, op.obj, loc);
	weft__step_note(woken ? "woke" : "no waiter");
	return woken;
}

/* FUTEX_REQUEUE and FUTEX_CMP_REQUEUE (cmp: compare the word with val3
 * first, EAGAIN when it differs, in the same step): wake up to nwake of
 * word's waiters (none for 0, unlike a wake), then move up to nreq of the
 * others to wait on word2, where a wake of word2 finds them.  A condition
 * variable's broadcast that moves its waiters to the mutex's word is the
 * classic user; requeued onto a word whose owner does not know it has
 * waiters, they sleep for ever (a lost wake-up weft then reports).
 * Returns the woken (FUTEX_REQUEUE) or the woken and the moved
 * (FUTEX_CMP_REQUEUE).  A scheduling point; never blocks. */
long weft__pt_futex_requeue(const uint32_t *word, int nwake, int nreq,
			    const uint32_t *word2, bool cmp, uint32_t val3,
			    const struct weft_loc *loc)
{
	struct weft__op op = { .name = cmp ? "futex_cmp_requeue"
					   : "futex_requeue",
			       .obj = weft__por_obj(word, sizeof *word),
			       .obj2 = weft__por_obj(word2, sizeof *word2),
			       .objname = weft__objname(word, "futex"),
			       .access = WEFT__ACC_WRITE,
			       .order = WEFT__ORDER_EXPLICIT, .loc = loc };
	weft__tset cand;
	int woken, moved = 0;

	if (nwake < 0 || nreq < 0) {
		errno = EINVAL;
		return -1;
	}
	weft__check_access(word, sizeof *word, false, loc);
	weft__check_access(word2, sizeof *word2, false, loc);
	weft__visible(&op);
	if (cmp && *(const volatile uint32_t *)word != val3) {
		weft__step_note("value changed");
		errno = EAGAIN;
		return -1;
	}
	cand = waiters_now(word, FUTEX_BITSET_MATCH_ANY);
	woken = take(word, FUTEX_BITSET_MATCH_ANY, &cand, nwake, NULL, op.obj,
		     loc);
	if (word2 != word)
		moved = take(word, FUTEX_BITSET_MATCH_ANY, &cand, nreq, word2,
			     op.obj, loc);
	weft__step_note(woken || moved ? "requeued" : "no waiter");
	return cmp ? woken + moved : woken;
}
