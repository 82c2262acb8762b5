/* src/sched/point.c - what a running thread's code tells the scheduler
 * besides its visible operations (weft__visible, sched.c): plain
 * scheduling points, memory accesses, progress and spinning for fair
 * scheduling, notes on the step just taken, and explored choices. */
#include "sched.h"

void weft__point(const char *name, const void *obj, const char *objname,
		 enum weft__access acc, const struct weft_loc *loc)
{
	struct weft__op op = { .name = name, .obj = obj, .objname = objname,
			       .access = (uint8_t)acc, .loc = loc };
	weft__visible(&op);
}

void weft__release_point(const char *name, const void *obj,
			 const char *objname, const struct weft_loc *loc)
{
	struct weft__op op = { .name = name, .obj = obj, .objname = objname,
			       .access = WEFT__ACC_WRITE, .release = true,
			       .loc = loc };
	weft__visible(&op);
}

/* Reads the program's word as it is, whatever the objects around it:
 * the aligned word of a valid byte lies in a mapped page. */
__attribute__((no_sanitize_address)) static uint64_t word_now(
	const uint64_t *w)
{
	return *(const volatile uint64_t *)w;
}

void weft__note_write(const void *addr)
{
	struct weft__exec *X = weft__X;
	const uint64_t *w = (const uint64_t *)((uintptr_t)addr & ~(uintptr_t)7);

	for (int i = 0; i < X->npw; i++)
		if (X->pw[i].word == w)
			return;
	if (X->npw == (int)(sizeof X->pw / sizeof X->pw[0])) {
		X->progress = true;
		return;
	}
	X->pw[X->npw].word = w;
	X->pw[X->npw].old = word_now(w);
	X->npw++;
}

/* At a scheduling point: did a noted write change its word? */
void weft__writes_settle(struct weft__exec *X)
{
	for (int i = 0; i < X->npw; i++)
		if (word_now(X->pw[i].word) != X->pw[i].old)
			X->progress = true;
	X->npw = 0;
}

void weft__writes_flush(void)
{
	if (weft__X && weft__X->npw)
		weft__writes_settle(weft__X);
}

void weft__note_progress(void)
{
	if (weft__X && weft__X->cur >= 0)
		weft__X->progress = true;
}

void weft__stack_asked(int tid, size_t asked)
{
	const struct weft__stack *s = weft__X->th[tid].stack;

	/* Only when weft's room lies below it (the sizes were rounded). */
	if (s && asked + s->color < s->size)
		weft__X->th[tid].stack_asked = asked;
}

/* The race detector's view of the running thread (internal.h), changed
 * with X->cur and only here, so the two always agree. */
struct weft__running weft__running;

void weft__set_running(int tid)
{
	struct weft__exec *X = weft__X;
	const struct weft__stack *s;

	X->cur = tid;
	if (tid < 0) {
		weft__running = (struct weft__running){ .tid = -1 };
		return;
	}
	s = X->th[tid].stack;
	weft__running = (struct weft__running){
		.vc = X->th[tid].race_ignore ? NULL : X->th[tid].vc,
		.stack_lo = s ? (const char *)s->base : NULL,
		.stack_hi = s ? (const char *)s->base + s->size : NULL,
		.beyond_lo = s ? (const char *)s->base : NULL,
		.beyond_hi = s && X->th[tid].stack_asked
				     ? (const char *)s->base + s->size -
					       s->color - X->th[tid].stack_asked
				     : NULL,
		.stack_asked = X->th[tid].stack_asked,
		.progress = &X->progress,
		.spin_any = &X->spin_any,
		.tid = tid,
	};
}

/* The race detector's fast path asks only for the running thread's clock
 * (weft__access_begin): while the thread ignores its accesses there is
 * none, and the slow path (weft__race_access) sees why. */
static void race_ignore(int delta)
{
	struct weft__exec *X = weft__X;
	struct weft__thread *t;

	if (!X || X->cur < 0)
		return;
	t = &X->th[X->cur];
	if (delta < 0 && !t->race_ignore)
		return; /* an end without a begin: nothing to end */
	t->race_ignore = (uint16_t)(t->race_ignore + delta);
	weft__set_running(X->cur);
}

void weft__seq_section(bool on)
{
	struct weft__exec *X = weft__X;

	if (!X || X->cur < 0 || X->th[X->cur].seq_section == on)
		return;
	X->th[X->cur].seq_section = on;
	race_ignore(on ? 1 : -1);
}

void weft_race_ignore_begin(void)
{
	race_ignore(1);
}

void weft_race_ignore_end(void)
{
	race_ignore(-1);
}

void weft__saw_change(void)
{
	struct weft__exec *X = weft__X;

	if (X && X->cur >= 0)
		X->th[X->cur].spinning = false;
}

/* The running thread made no progress.  After a step that touched an
 * object, that was a failed poll, and a round of a retry loop begins:
 * the steps after it that only pass time (a yield, a sleep) belong to it
 * (record_step in sched.c).  After a yield or a sleep it is not: a loop
 * of those alone pays for each. */
void weft__spun(void)
{
	struct weft__exec *X = weft__X;

	if (X && X->cur >= 0) {
		struct weft__thread *t = &X->th[X->cur];
		/* A failed poll begins a round of the spin loop, unless one
		 * runs already (record_step). */
		if (X->last_poll && !t->nround) {
			t->round_obj[0] = X->last_poll_obj;
			t->nround = 1;
			t->free_run = 0;
		}
		X->th[X->cur].spinning = true;
		X->spin_any = true;
		X->th[X->cur].yield_wait = X->enabled;
		weft__ts_del(&X->th[X->cur].yield_wait, X->cur);
		X->progress = false;
	}
}

/* The place of thread self's step just taken, or NULL. */
static const void *last_site(const struct weft__exec *X, int self)
{
	const struct weft__step *s;

	if (X->nsteps <= 0)
		return NULL;
	s = &weft__trace_steps(&weft__S->t)[X->nsteps - 1];
	return s->tid == self ? s->loc : NULL;
}

/* Whether the calling thread polled at the place of its step just taken
 * (a poll follows the thread's own step at once: the last in the trace)
 * since its last write; the place is remembered from now on.  A step of
 * no known place is one place. */
static bool poll_site_again(const struct weft__exec *X,
			    struct weft__thread *t, int self)
{
	const void *site = last_site(X, self);

	for (int i = 0; i < t->nsites; i++)
		if (t->poll_sites[i] == site)
			return true;
	t->poll_sites[t->site_next] = site;
	t->site_next = (uint8_t)((t->site_next + 1) % WEFT__POLL_HISTORY);
	if (t->nsites < WEFT__POLL_HISTORY)
		t->nsites++;
	return false;
}

/* Fair scheduling (Musuvathi and Qadeer, PLDI 2008) needs to know when
 * a thread spins: it reads nothing new since it last changed something.
 * A loop may poll several objects in turn (a Peterson lock polls the
 * other thread's flag and the turn), so a thread keeps the pairs it polled
 * since its last write (weft__poll_forget), and re-reading one of them is
 * spinning when every poll since that pair's last read re-read a pair too:
 * a whole round of the loop saw nothing new.  The second read of a
 * seqlock's counter, after a first read of the data, is no spin: the data
 * was new.  A polled object whose value changed since the thread read it
 * is progress seen: the history starts again from that read.
 *
 * And a spin is a loop: the poll is at a place where the thread polled
 * before since its last write.  Straight-line code that reads a flag
 * three times reads it at three places, and is no loop (taking its
 * second read for a spin deferred the thread, and an exhaustive search
 * bounded in unfair continuations cut the schedule in which it went on
 * to a bug). */
void weft__poll_wide(const void *obj, uint64_t lo, uint64_t hi)
{
	struct weft__exec *X = weft__X;
	int self = weft__self();
	struct weft__thread *t = &X->th[self];
	uint32_t now = ++t->npolls;
	bool again = poll_site_again(X, t, self);

	for (int i = 0; i < t->npolled; i++) {
		struct weft__polled *p = &t->polled[i];
		if (p->obj != obj)
			continue;
		if (p->lo == lo && p->hi == hi) {
			bool spun = p->at >= t->poll_new && again;
			p->at = now;
			if (spun)
				weft__spun();
			return;
		}
		t->npolled = t->poll_next = 0;
		break;
	}
	t->poll_new = now;
	t->polled[t->poll_next] = (struct weft__polled){ obj, lo, hi, now };
	t->poll_next = (uint8_t)((t->poll_next + 1) % WEFT__POLL_HISTORY);
	if (t->npolled < WEFT__POLL_HISTORY)
		t->npolled++;
}

/* A try that failed where the thread tried and failed before is a round
 * of a retry loop; the first is no spin.  A thread that tries a lock once
 * and goes on (straight-line code) was deferred as a spinner at once, and
 * a search bounded in unfair continuations cut the schedules in which it
 * went on before the others stepped: with its try's thread started
 * earlier, the trace's one schedule the reduction explores paid for a
 * continuation that another schedule of it does not
 * (tests/detect/pthread/trylock_once_*).  The places are kept across the
 * thread's writes: a loop that counts its attempts between tries is a
 * spin all the same (kept with the polls' places, which a write clears,
 * it ran to the step limit; a review's finding). */
static bool tried_here_before(const struct weft__exec *X,
			      struct weft__thread *t, int self)
{
	const void *site = last_site(X, self);

	for (int i = 0; i < WEFT__TRY_SITES; i++)
		if (t->try_sites[i] == site && site)
			return true;
	t->try_sites[t->try_next] = site;
	t->try_next = (uint8_t)((t->try_next + 1) % WEFT__TRY_SITES);
	return false;
}

void weft__spun_tried(void)
{
	struct weft__exec *X = weft__X;
	int self;

	if (!X || X->cur < 0)
		return;
	self = weft__self();
	if (tried_here_before(X, &X->th[self], self))
		weft__spun();
}

long weft__poll(const void *obj, long v)
{
	weft__poll_wide(obj, (uint64_t)v, 0);
	return v;
}

void weft__poll_forget(void)
{
	struct weft__thread *t = &weft__X->th[weft__self()];

	t->npolled = t->poll_next = 0;
	t->nsites = t->site_next = 0;
}

void weft__timed_wait(bool on)
{
	struct weft__exec *X = weft__X;

	if (X && X->cur >= 0)
		X->th[X->cur].timed_wait = on;
}

void weft__cancel_point(const void *obj)
{
	struct weft__exec *X = weft__X;

	if (X && X->cur >= 0)
		X->th[X->cur].cancel_obj = obj;
}

void weft__cancel_wake(int tid, bool on)
{
	weft__X->th[tid].cancel_wake = on;
}

const void *weft__cancel_obj(void)
{
	struct weft__exec *X = weft__X;

	return X && X->cur >= 0 ? X->th[X->cur].cancel_obj : NULL;
}

bool weft__cancel_wakes(int tid)
{
	return weft__X->th[tid].cancel_wake || weft__X->th[tid].intr_wake;
}

bool weft__cancel_requested(int tid)
{
	return weft__X->th[tid].cancel_wake;
}

void weft__intr_wake(int tid, bool on)
{
	weft__X->th[tid].intr_wake = on;
}

void weft__bound_held(void)
{
	if (weft__X)
		weft__X->bound_held = true;
}

bool weft__bound_was_held(void)
{
	return weft__X && weft__X->bound_held;
}

/* The pthread layer's delivery of a signal from outside (sigmask.c). */
static void (*outside_deliver)(int sig);

void weft__signal_handled(int sig, bool caught, void (*deliver)(int sig))
{
	uint64_t bit = (uint64_t)1 << (sig & 63);

	if (!weft__X || sig <= 0 || sig >= 64)
		return;
	outside_deliver = deliver;
	if (caught)
		weft__X->outside_sigs |= bit;
	else
		weft__X->outside_sigs &= ~bit;
}

/* The pthread layer's delivery of the signals due to chosen threads. */
static void (*due_deliver)(void);

void weft__signal_due(bool due, void (*deliver)(void))
{
	if (!weft__X)
		return;
	due_deliver = deliver;
	if (due)
		weft__X->outside_now |= WEFT__SIG_DUE;
	else
		weft__X->outside_now &= ~WEFT__SIG_DUE;
}

/* The outside's signal, on the thread whose step just ended: cleared
 * first, since the handler's own steps come back here.  Then what is due
 * to a chosen thread, which the pthread layer delivers when the thread
 * whose step ended is that one (it clears the flag when nothing is due
 * any more). */
void weft__outside_take(struct weft__exec *X)
{
	int sig = X->outside_now & ~WEFT__SIG_DUE;

	X->outside_now &= WEFT__SIG_DUE;
	if (sig && outside_deliver)
		outside_deliver(sig);
	if ((X->outside_now & WEFT__SIG_DUE) && due_deliver)
		due_deliver();
}

/* A signal the program sends itself is no longer one only the outside
 * could bring: a livelock while it waits is the program's. */
void weft__signal_sent(int sig)
{
	if (weft__X && sig > 0 && sig < 64)
		weft__X->outside_sigs &= ~((uint64_t)1 << sig);
}

bool weft__in_timed_wait(void)
{
	struct weft__exec *X = weft__X;

	return X && X->cur >= 0 && X->th[X->cur].timed_wait;
}

bool weft__self_spinning(void)
{
	struct weft__exec *X = weft__X;

	return X && X->cur >= 0 && X->th[X->cur].spinning;
}

void weft__step_no_progress(bool was_spinning)
{
	struct weft__exec *X = weft__X;

	if (was_spinning && X && X->cur >= 0) {
		X->th[X->cur].spinning = true;
		X->spin_any = true;
		X->progress = false;
	}
}

void weft__timed_out(void)
{
	weft__step_note("timed out");
	weft__spun();
}

void weft__step_note(const char *s)
{
	struct weft__exec *X = weft__X;

	/* A step not recorded (a lone spin's, sched.c) has no row. */
	if (X && X->nsteps > 0 && !weft__lone_step)
		weft__trace_steps(&weft__S->t)[X->nsteps - 1].note = s;
}

/* The decision of weft__choose for a value the step just taken reads
 * (which store a load sees): no scheduling point of its own, so the
 * choice belongs to that step, whose trace row stays the operation. */
int weft__choose_here(int n)
{
	struct weft__trace *T = &weft__S->t;
	int v;

	if (n <= 1)
		return 0;
	/* A step not recorded (a lone spin's, sched.c) has no place for a
	 * decision; fixing it would leave the other values unexplored. */
	if (weft__lone_step)
		weft__limit("lone-choice", NULL,
			    "a thread spinning while no other thread could run "
			    "made a choice in its loop (an input, or the store "
			    "a load reads), which weft does not explore there");
	if (T->ndec >= T->cap)
		weft__limit("step-limit", NULL,
			    "an execution made more decisions than "
			    "--max-steps allows");
	v = weft__strat->value(n);
	if (v < 0 || v >= n)
		weft__die("strategy %s chose %d outside [0,%d)",
			  weft__strat->name, v, n);
	weft__trace_dec(T)[T->ndec++] = (uint32_t)v;
	return v;
}

int weft__choose(int n, const char *what, const struct weft_loc *loc)
{
	return weft__choose_on(n, what, NULL, loc);
}

bool weft__choosing_timeout;

int weft__choose_timeout(const char *what, const struct weft_loc *loc)
{
	int v;

	weft__choosing_timeout = true;
	v = weft__choose_on(2, what, NULL, loc);
	weft__choosing_timeout = false;
	return v;
}

int weft__choose_on(int n, const char *what, const void *obj,
		    const struct weft_loc *loc)
{
	/* A write of obj for the explorer, which orders no clock: the
	 * model's state the caller changes after the choice is obj's. */
	struct weft__op op = { .name = "choose", .obj = obj, .objname = what,
			       .access = obj ? WEFT__ACC_WRITE : WEFT__ACC_NONE,
			       .order = WEFT__ORDER_EXPLICIT, .loc = loc };

	if (n <= 0)
		weft__fail(WEFT__K(MISUSE), op.loc,
			   "weft_choose(%d): n must be positive", n);
	return weft__choose_op(&op, n);
}

int weft__choose_op(struct weft__op *op, int n)
{
	struct weft__trace *T = &weft__S->t;
	int v;

	weft__visible(op);
	if (n == 1)
		return 0;
	v = weft__choose_here(n);
	weft__trace_steps(T)[weft__X->nsteps - 1].kind = STEP_CHOICE;
	weft__trace_steps(T)[weft__X->nsteps - 1].value = v;
	return v;
}
