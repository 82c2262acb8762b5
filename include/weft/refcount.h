/* weft/refcount.h - reference counts (refcount_t and kref).
 *
 * Every operation is a scheduling point on the counter, checks that the
 * counter's memory is not freed (use-after-free), and reports kind
 * `refcount` for the mistakes the kernel's refcount_t saturates on:
 * incrementing from zero, decrementing to below zero, or dropping the last
 * reference with an operation that must not (refcount_dec).  A kref
 * initialised in tracked memory that is never released by the end of the
 * test is reported as a leak, with its init site. */
#ifndef WEFT_REFCOUNT_H
#define WEFT_REFCOUNT_H

#include <weft/loc.h>
#include <weft/rcu.h>

struct weft_refcount {
	int refs;
	unsigned char saturated;
};

#define WEFT_REFCOUNT_INIT(n) { (n), 0 }

/* Never block.  Ordered as the kernel's (src/linux/refcount.c): the set,
 * the read and the increments order nothing (refcount_set_release
 * releases, an increment named ..._acquire acquires), the decrements
 * release, and those that may drop the last reference also acquire. */
void weft_refcount_set(struct weft_refcount *r, int n,
		       const struct weft_loc *loc);
void weft_refcount_set_release(struct weft_refcount *r, int n,
			       const struct weft_loc *loc);
int weft_refcount_read(struct weft_refcount *r, const struct weft_loc *loc);
/* delta > 0: increment; it is an error when the count was zero, unless
 * not_zero is set, in which case nothing happens and 0 is returned.
 * delta < 0: decrement; returns 1 when the count reached zero; when
 * may_hit_zero is 0, reaching zero is an error (refcount_dec). */
int weft_refcount_add(struct weft_refcount *r, int delta, int not_zero,
		      int may_hit_zero, const char *what,
		      const struct weft_loc *loc);
/* Decrement unless the count is one (the kernel's refcount_dec_not_one,
 * the lockless first half of refcount_dec_and_lock): returns 1 when it
 * decremented, 0 when the count was one and is left to the caller, who
 * takes the lock and drops the last reference under it.  Never blocks;
 * one step on the counter. */
int weft_refcount_dec_not_one(struct weft_refcount *r, const char *what,
			      const struct weft_loc *loc);
/* Drop the count from 1 to 0, or do nothing if it is not 1
 * (refcount_dec_if_one): 1 when it was 1.  A step that writes the count;
 * never blocks; ordered as a release and, for the free its success
 * allows, an acquire (the kernel's control dependency). */
int weft_refcount_dec_if_one(struct weft_refcount *r, const char *what,
			     const struct weft_loc *loc);

struct weft_kref {
	struct weft_refcount refcount;
};

/* kref_init: count 1, and remember the object for the leak check. */
void weft_kref_init(struct weft_kref *k, const struct weft_loc *loc);
/* Drop a reference; when it was the last one, call release(k) and return
 * 1.  Never blocks by itself (release may). */
int weft_kref_put(struct weft_kref *k, void (*release)(struct weft_kref *),
		  const struct weft_loc *loc);

/* percpu_ref: the count of an object's users, which starts at one (the
 * owner's initial reference).  In per-CPU mode (the default) the count
 * cannot reach zero; weft_percpu_ref_kill marks the ref dead and switches
 * it to atomic mode, which the kernel finishes in an RCU callback (the
 * kill's put cannot release before it), and in atomic mode (after that
 * callback, or from PERCPU_REF_INIT_ATOMIC or a switch) the put that
 * brings the count to zero runs release.  Every operation is a step on
 * the ref; the mode changes and the kill wait while a switch to atomic
 * mode is in progress (as the kernel's do: they may block then), and
 * nothing else blocks by itself (release and confirm may).  Mistakes are
 * reported as kind `refcount` or `misuse` (src/linux/percpu_ref.c says
 * which). */
enum { WEFT__PCPU_UNSET, WEFT__PCPU_LIVE, WEFT__PCPU_EXITED };
#define WEFT_PCPU_INIT_ATOMIC (1u << 0)
#define WEFT_PCPU_INIT_DEAD (1u << 1)
#define WEFT_PCPU_ALLOW_REINIT (1u << 2)

struct weft_percpu_ref {
	long count;                /* the references held, the sum the
				      kernel computes */
	void (*release)(struct weft_percpu_ref *);
	unsigned char dead, state;
	unsigned char atomic;      /* in atomic mode (or switching to it) */
	unsigned char switching;   /* the switch's RCU callback is due */
	unsigned char force_atomic; /* INIT_ATOMIC or switch_to_atomic */
	unsigned char allow_reinit; /* may go back to per-CPU mode */
	unsigned char percpu_freed; /* a switch ended without allow_reinit:
				       the per-CPU counters are gone */
	void (*confirm)(struct weft_percpu_ref *); /* the switch's */
	const struct weft_loc *switched_at;        /* where it began */
	struct weft_rcu_head rcu;  /* the switch's callback */
};

int weft_percpu_ref_init(struct weft_percpu_ref *r,
			 void (*release)(struct weft_percpu_ref *),
			 unsigned flags, const struct weft_loc *loc);
void weft_percpu_ref_exit(struct weft_percpu_ref *r,
			  const struct weft_loc *loc);
/* A reference more, from a holder of one (what: the kernel's name). */
void weft_percpu_ref_get(struct weft_percpu_ref *r, long n, const char *what,
			 const struct weft_loc *loc);
/* n references unless the count is zero in atomic mode, or (live) the
 * ref is dying: 1 when taken. */
int weft_percpu_ref_tryget(struct weft_percpu_ref *r, long n, int live,
			   const char *what, const struct weft_loc *loc);
void weft_percpu_ref_put(struct weft_percpu_ref *r, long n, const char *what,
			 const struct weft_loc *loc);
/* Mark the ref dying, switch it to atomic mode (confirm, if any, runs
 * when the switch ends: at once for a ref in atomic mode already, else
 * from the switch's RCU callback), drop the initial reference. */
void weft_percpu_ref_kill(struct weft_percpu_ref *r,
			  void (*confirm)(struct weft_percpu_ref *),
			  const struct weft_loc *loc);
/* The mode switches: WEFT_PCPU_TO_ATOMIC (confirm as the kill's),
 * _ATOMIC_SYNC (and wait for the switch to end: may sleep), _PERCPU. */
enum { WEFT_PCPU_TO_ATOMIC, WEFT_PCPU_TO_ATOMIC_SYNC, WEFT_PCPU_TO_PERCPU };
void weft_percpu_ref_switch(struct weft_percpu_ref *r, int to,
			    void (*confirm)(struct weft_percpu_ref *),
			    const struct weft_loc *loc);
int weft_percpu_ref_is_zero(struct weft_percpu_ref *r,
			    const struct weft_loc *loc);
int weft_percpu_ref_is_dying(struct weft_percpu_ref *r,
			     const struct weft_loc *loc);
/* Make a dead ref live again with its initial reference; reinit: only a
 * released one (count zero). */
void weft_percpu_ref_resurrect(struct weft_percpu_ref *r, int reinit,
			       const struct weft_loc *loc);

#endif
