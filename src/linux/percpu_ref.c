/* src/linux/percpu_ref.c - percpu_ref, the kernel's reference count for
 * objects with many users and one owner who ends them.
 *
 * The kernel keeps the count per processor until the owner calls
 * percpu_ref_kill: that drops the initial reference and switches the
 * count to one atomic, so that the put which brings it to zero runs the
 * release callback.  Before the kill the count cannot reach zero (the
 * initial reference holds it); after it, percpu_ref_tryget_live fails
 * while percpu_ref_get and percpu_ref_tryget still succeed for as long
 * as the count is above zero.  weft keeps one count, which is the sum the
 * kernel would compute, and every operation is a step on the ref.
 *
 * Reported as kind `refcount`, as the kernel's warnings: a get on a count
 * of zero (the object was released: the caller held no reference), a put
 * below zero, a put that drops the initial reference before the kill
 * (the kernel would never release), a second kill, and a reinit of a
 * ref whose count is not zero.  A ref used after percpu_ref_exit is a
 * `misuse`. */
#include "lx.h"
#include <weft/refcount.h>

static void step(struct weft_percpu_ref *r, const char *what,
		 const struct weft_loc *loc)
{
	weft__point(what, r, NULL, WEFT__ACC_WRITE, loc);
	weft__check_access(r, sizeof *r, true, loc);
	if (r->state == WEFT__PCPU_EXITED)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on a percpu_ref after percpu_ref_exit", what);
	if (r->state != WEFT__PCPU_LIVE)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on a percpu_ref never initialised with "
			   "percpu_ref_init", what);
}

int weft_percpu_ref_init(struct weft_percpu_ref *r,
			 void (*release)(struct weft_percpu_ref *),
			 unsigned flags, const struct weft_loc *loc)
{
	weft__check_access(r, sizeof *r, true, loc);
	r->release = release;
	r->dead = (flags & WEFT_PCPU_INIT_DEAD) != 0;
	r->count = r->dead ? 0 : 1;
	r->state = WEFT__PCPU_LIVE;
	return 0;
}

void weft_percpu_ref_exit(struct weft_percpu_ref *r,
			  const struct weft_loc *loc)
{
	step(r, "percpu_ref_exit", loc);
	r->state = WEFT__PCPU_EXITED;
}

void weft_percpu_ref_get(struct weft_percpu_ref *r, long n, const char *what,
			 const struct weft_loc *loc)
{
	step(r, what, loc);
	if (r->count <= 0)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s on a percpu_ref whose count is %ld: it was "
			   "already released (a get must come from a holder "
			   "of a reference; percpu_ref_tryget_live otherwise)",
			   what, r->count);
	r->count += n;
}

int weft_percpu_ref_tryget(struct weft_percpu_ref *r, long n, int live,
			   const char *what, const struct weft_loc *loc)
{
	step(r, what, loc);
	if (r->count <= 0 || (live && r->dead)) {
		weft__step_note(r->count <= 0 ? "was zero" : "was dying");
		return 0;
	}
	r->count += n;
	return 1;
}

/* The count drops by n; at zero after the kill, release runs (in the
 * kernel from the put itself, or from the RCU callback of the switch to
 * atomic mode when the last put came before it). */
static void drop(struct weft_percpu_ref *r, long n, const char *what,
		 const struct weft_loc *loc)
{
	if (r->count - n < 0)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s on a percpu_ref whose count is %ld: underflow, "
			   "the reference was already dropped", what, r->count);
	if (r->count - n == 0 && !r->dead)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "%s dropped the initial reference of a percpu_ref "
			   "that was not killed: the kernel counts per "
			   "processor until percpu_ref_kill, so it would "
			   "never release it", what);
	r->count -= n;
	if (!r->count && r->release)
		r->release(r);
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
	step(r, "percpu_ref_kill", loc);
	if (r->dead)
		weft__fail(WEFT__K(REFCOUNT), loc,
			   "percpu_ref_kill on a percpu_ref that is already "
			   "dead (killed twice, or initialised dead)");
	r->dead = 1;
	/* From here on no tryget_live succeeds, which is what the
	 * confirmation tells its caller. */
	if (confirm)
		confirm(r);
	drop(r, 1, "percpu_ref_kill", loc);
}

int weft_percpu_ref_is_zero(struct weft_percpu_ref *r,
			    const struct weft_loc *loc)
{
	step(r, "percpu_ref_is_zero", loc);
	return r->dead && r->count == 0;
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

	step(r, what, loc);
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
}
