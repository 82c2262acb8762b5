/* src/linux/percpu_ref.c - percpu_ref, the kernel's reference count for
 * objects with many users and one owner who ends them.
 *
 * The kernel counts per processor (per-CPU mode), with a bias that keeps
 * the count from reaching zero, until the owner calls percpu_ref_kill:
 * that marks the ref dead, switches it to atomic mode and drops the
 * initial reference.  The switch ends in an RCU callback
 * (percpu_ref_switch_to_atomic_rcu, softirq context), which sums the
 * per-CPU counts, removes the bias, runs the kill's confirmation and
 * drops a reference of its own; from then on the put that brings the
 * count to zero runs the release callback.  So the release runs from
 * that callback when every user had put its reference by then, or from
 * the last user's put after it, never inside the kill of a ref in
 * per-CPU mode.  A ref made with PERCPU_REF_INIT_ATOMIC, or switched with
 * percpu_ref_switch_to_atomic(_sync), is in atomic mode: a put that
 * reaches zero releases, killed or not, and its kill confirms and puts at
 * once.  weft keeps one count, the sum the kernel would compute, and the
 * switch as a flag and an RCU callback of the classic domain (rcu_cb.c).
 * When the release ran inside the kill, a release that slept was verified
 * and one that took a lock the killer held was a deadlock; a put to zero
 * in atomic mode was a bug (both found by a probe of percpu_ref).
 *
 * Reported as kind `refcount`, as the kernel's warnings: a get on a count
 * of zero (no one held a reference), a put below zero, a put that drops
 * the last reference in per-CPU mode (the kernel would never release), a
 * second kill, and a reinit of a ref whose count is not zero.  As
 * `misuse`: a ref used after percpu_ref_exit or never initialised, an
 * exit while a switch to atomic mode is in progress (the kernel warns,
 * and its callback then uses freed memory), and a return to per-CPU mode
 * of a ref whose per-CPU counters were freed when its switch ended
 * (without PERCPU_REF_ALLOW_REINIT: the kernel BUGs). */
#include <stddef.h>
#include <stdio.h>

#include "lx.h"
#include <weft/refcount.h>

static void check(struct weft_percpu_ref *r, const char *what,
		  const struct weft_loc *loc)
{
	weft__check_access(r, sizeof *r, true, loc);
	if (r->state == WEFT__PCPU_EXITED)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on a percpu_ref after percpu_ref_exit", what);
	if (r->state != WEFT__PCPU_LIVE)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on a percpu_ref never initialised with "
			   "percpu_ref_init", what);
}

static void step(struct weft_percpu_ref *r, const char *what,
		 const struct weft_loc *loc)
{
	weft__point(what, r, NULL, WEFT__ACC_WRITE, loc);
	check(r, what, loc);
}

static bool not_switching(const struct weft__op *op)
{
	const struct weft_percpu_ref *r = op->obj;

	return !r->switching;
}

static int switch_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	const struct weft_percpu_ref *r = op->obj;

	snprintf(buf, n, "the switch of a percpu_ref to atomic mode begun at "
		 "%s (its RCU callback)", weft__lx_site(r->switched_at));
	return -1;
}

/* The step of a mode change (kill, switch, resurrect), which waits, as
 * the kernel's __percpu_ref_switch_mode does, for a switch to atomic mode
 * in progress to end: a sleep then.  wait: the step only waits
 * (percpu_ref_switch_to_atomic_sync after its switch). */
static void mode_step(struct weft_percpu_ref *r, const char *what,
		      const struct weft_loc *loc)
{
	weft__check_access(r, sizeof *r, true, loc);
	if (r->switching)
		weft_might_sleep(what, NULL, loc);
	weft__visible(&(struct weft__op){
		.name = what, .obj = r, .access = WEFT__ACC_WRITE,
		.ready = not_switching, .waitdesc = switch_waitdesc,
		.loc = loc });
	check(r, what, loc);
}

static void released(struct weft_percpu_ref *r)
{
	if (r->release)
		r->release(r);
}

/* The count drops by n; at zero in atomic mode, once no switch is in
 * progress, release runs. */
static void drop(struct weft_percpu_ref *r, long n, const char *what,
		 const struct weft_loc *loc)
{
	if (r->count - n < 0)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s on a percpu_ref whose count is %ld: underflow, "
			   "the reference was already dropped", what, r->count);
	if (r->count - n == 0 && !r->atomic)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s dropped the last reference of a percpu_ref in "
			   "per-CPU mode (not killed, nor switched to atomic "
			   "mode): the kernel counts per processor until then, "
			   "so it would never release it", what);
	r->count -= n;
	if (!r->count && !r->switching)
		released(r);
}

/* The end of the switch to atomic mode, in the classic RCU domain's
 * callback thread (softirq context): the confirmation, then the put of
 * the reference the switch held, which releases a ref no one holds. */
static void switch_done(struct weft_rcu_head *h)
{
	struct weft_percpu_ref *r = (struct weft_percpu_ref *)(
		(char *)h - offsetof(struct weft_percpu_ref, rcu));
	void (*confirm)(struct weft_percpu_ref *);

	step(r, "percpu_ref_switch_to_atomic_rcu", r->switched_at);
	confirm = r->confirm;
	r->confirm = NULL;
	if (confirm)
		confirm(r);
	r->switching = 0;
	if (!r->allow_reinit)
		r->percpu_freed = 1;
	weft__lx_rcu_cb_finished(h);
	if (!r->count)
		released(r);
}

/* __percpu_ref_switch_to_atomic: a ref in atomic mode confirms at once;
 * one in per-CPU mode starts the switch, which its RCU callback ends. */
static void to_atomic(struct weft_percpu_ref *r,
		      void (*confirm)(struct weft_percpu_ref *),
		      const struct weft_loc *loc)
{
	if (r->atomic) {
		if (confirm)
			confirm(r);
		return;
	}
	r->atomic = 1;
	r->switching = 1;
	r->confirm = confirm;
	r->switched_at = loc;
	weft_call_rcu(&r->rcu, switch_done, "percpu_ref_switch_to_atomic_rcu",
		      loc);
}

/* __percpu_ref_switch_to_percpu, after the wait for a switch. */
static void to_percpu(struct weft_percpu_ref *r, const char *what,
		      const struct weft_loc *loc)
{
	if (!r->atomic)
		return;
	if (r->percpu_freed)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s of a percpu_ref made without "
			   "PERCPU_REF_ALLOW_REINIT: its per-CPU counters were "
			   "freed when its switch to atomic mode (at %s) "
			   "ended, and the kernel BUGs", what,
			   weft__lx_site(r->switched_at));
	r->atomic = 0;
}

int weft_percpu_ref_init(struct weft_percpu_ref *r,
			 void (*release)(struct weft_percpu_ref *),
			 unsigned flags, const struct weft_loc *loc)
{
	unsigned atomic = WEFT_PCPU_INIT_ATOMIC | WEFT_PCPU_INIT_DEAD;

	weft__check_access(r, sizeof *r, true, loc);
	r->release = release;
	r->dead = (flags & WEFT_PCPU_INIT_DEAD) != 0;
	r->count = r->dead ? 0 : 1;
	r->atomic = (flags & atomic) != 0;
	r->switching = 0;
	r->force_atomic = (flags & WEFT_PCPU_INIT_ATOMIC) != 0;
	r->allow_reinit = (flags & (atomic | WEFT_PCPU_ALLOW_REINIT)) != 0;
	r->percpu_freed = 0;
	r->confirm = NULL;
	r->switched_at = NULL;
	r->state = WEFT__PCPU_LIVE;
	return 0;
}

void weft_percpu_ref_exit(struct weft_percpu_ref *r,
			  const struct weft_loc *loc)
{
	step(r, "percpu_ref_exit", loc);
	if (r->switching)
		weft__fail(WEFT__K(MISUSE), loc,
			   "percpu_ref_exit while the switch to atomic mode "
			   "begun at %s is in progress: the kernel warns, and "
			   "its RCU callback then uses the freed counters (wait "
			   "for the release or the confirmation first)",
			   weft__lx_site(r->switched_at));
	r->state = WEFT__PCPU_EXITED;
}

void weft_percpu_ref_get(struct weft_percpu_ref *r, long n, const char *what,
			 const struct weft_loc *loc)
{
	step(r, what, loc);
	if (r->count <= 0)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s on a percpu_ref whose count is %ld: %s (a get "
			   "must come from a holder of a reference; "
			   "percpu_ref_tryget_live otherwise)", what, r->count,
			   r->switching ? "no one holds a reference, and it is "
					  "released when its switch to atomic "
					  "mode ends"
					: "it was already released");
	r->count += n;
}

int weft_percpu_ref_tryget(struct weft_percpu_ref *r, long n, int live,
			   const char *what, const struct weft_loc *loc)
{
	step(r, what, loc);
	/* In per-CPU mode, and while the switch's bias is still counted,
	 * the kernel's count is not zero. */
	if ((r->atomic && !r->switching && r->count <= 0) ||
	    (live && r->dead)) {
		weft__step_note(live && r->dead ? "was dying" : "was zero");
		return 0;
	}
	r->count += n;
	return 1;
}

void weft_percpu_ref_put(struct weft_percpu_ref *r, long n, const char *what,
			 const struct weft_loc *loc)
{
	step(r, what, loc);
	drop(r, n, what, loc);
}

void weft_percpu_ref_kill(struct weft_percpu_ref *r,
			  void (*confirm)(struct weft_percpu_ref *),
			  const struct weft_loc *loc)
{
	mode_step(r, "percpu_ref_kill", loc);
	if (r->dead)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "percpu_ref_kill on a percpu_ref that is already "
			   "dead (killed twice, or initialised dead)");
	r->dead = 1;
	/* From here on no tryget_live succeeds, which is what the
	 * confirmation tells its caller. */
	to_atomic(r, confirm, loc);
	drop(r, 1, "percpu_ref_kill", loc);
}

void weft_percpu_ref_switch(struct weft_percpu_ref *r, int to,
			    void (*confirm)(struct weft_percpu_ref *),
			    const struct weft_loc *loc)
{
	static const char *const names[] = {
		"percpu_ref_switch_to_atomic",
		"percpu_ref_switch_to_atomic_sync",
		"percpu_ref_switch_to_percpu",
	};
	const char *what = names[to];

	if (to == WEFT_PCPU_TO_ATOMIC_SYNC)
		weft_might_sleep(what, NULL, loc);
	mode_step(r, what, loc);
	r->force_atomic = to != WEFT_PCPU_TO_PERCPU;
	/* A dead ref stays in atomic mode until its reinit. */
	if (r->force_atomic || r->dead)
		to_atomic(r, confirm, loc);
	else
		to_percpu(r, what, loc);
	if (to == WEFT_PCPU_TO_ATOMIC_SYNC && r->switching)
		mode_step(r, what, loc);
}

int weft_percpu_ref_is_zero(struct weft_percpu_ref *r,
			    const struct weft_loc *loc)
{
	step(r, "percpu_ref_is_zero", loc);
	return r->atomic && !r->switching && r->count == 0;
}

int weft_percpu_ref_is_dying(struct weft_percpu_ref *r,
			     const struct weft_loc *loc)
{
	step(r, "percpu_ref_is_dying", loc);
	return r->dead;
}

void weft_percpu_ref_resurrect(struct weft_percpu_ref *r, int reinit,
			       const struct weft_loc *loc)
{
	const char *what = reinit ? "percpu_ref_reinit" : "percpu_ref_resurrect";

	mode_step(r, what, loc);
	if (reinit && (!r->dead || r->count))
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "percpu_ref_reinit on a percpu_ref whose count is "
			   "%ld%s: only a released ref may be reinitialised",
			   r->count, r->dead ? "" : " and that is not dead");
	if (!r->dead)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s on a percpu_ref that is not dead", what);
	r->dead = 0;
	r->count += 1;
	if (!r->force_atomic)
		to_percpu(r, what, loc);
}
