/* src/freebsd/epoch.c - epoch(9) over weft's RCU domains (weft/rcu.h):
 * an epoch is a domain, its sections are read sections, epoch_wait is a
 * grace period and epoch_call a callback.  The network stack's
 * net_epoch_preempt lives in the execution's FreeBSD state, so every
 * execution starts with it empty. */
#include "freebsd/bsd.h"

struct weft_rcu_domain *weft_bsd_epoch_alloc(const char *name, int flags,
					     const struct weft_loc *loc)
{
	/* Per-execution memory, as the kernel's epochs outlive the code
	 * that allocates them (an epoch a test never frees is no leak). */
	struct weft_rcu_domain *e = weft__exec_alloc(sizeof *e);

	weft_rcu_domain_init(e, name ? name : "epoch", 0, loc);
	e->epoch = 1;
	e->epoch_flags = (unsigned)flags;
	return e;
}

struct weft_rcu_domain *weft_bsd_net_epoch(void)
{
	struct weft_rcu_domain *e = &weft__bsd()->net_epoch;

	if (!e->epoch) {
		e->name = "net_epoch_preempt";
		e->epoch = 1;
		e->epoch_flags = WEFT_BSD_EPOCH_PREEMPT;
	}
	return e;
}

void weft_bsd_epoch_free(struct weft_rcu_domain *e, const struct weft_loc *loc)
{
	weft_rcu_domain_cleanup(e, loc);
}

/* FreeBSD's epoch_wait_preempt sleeps until the preempted readers are
 * done, and warns first as WITNESS_WARN(WARN_GIANTOK | WARN_SLEEPOK):
 * a mutex other than Giant held is misuse (it was not reported: found by
 * a probe of the FreeBSD models), and so is a critical section or a
 * callout handler, where no thread may sleep; an EPOCH_LOCKED epoch
 * skips the warning, but its wait may still switch.  epoch_wait, for
 * epochs without EPOCH_PREEMPT, spins in a critical section of its own
 * (its readers are in critical sections too), which a held mutex or an
 * outer critical section does not hinder.  Both assert the epoch's kind
 * (MPASS), which is misuse here. */
void weft_bsd_epoch_wait(struct weft_rcu_domain *e, int preempt,
			 const struct weft_loc *loc)
{
	const char *what = preempt ? "epoch_wait_preempt" : "epoch_wait";
	bool is_preempt;

	weft__check_access(e, sizeof *e, false, loc);
	is_preempt = (e->epoch_flags & WEFT_BSD_EPOCH_PREEMPT) != 0;
	if (e->epoch && is_preempt != (preempt != 0))
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s on epoch %s, which was allocated %s "
			   "EPOCH_PREEMPT: use %s", what,
			   e->name ? e->name : "?",
			   is_preempt ? "with" : "without",
			   is_preempt ? "epoch_wait_preempt" : "epoch_wait");
	if (preempt && !(e->epoch_flags & WEFT_BSD_EPOCH_LOCKED))
		weft__bsd_may_sleep(what, NULL, loc);
	else if (preempt)
		weft__bsd_no_critical(what, "a thread may not sleep in a "
				      "critical section", loc);
	weft_rcu_domain_synchronize(e, loc);
}

/* The callback runs with the context it was queued with. */
static void run_ctx(struct weft_rcu_head *head)
{
	struct weft_bsd_epoch_ctx *ctx =
		(struct weft_bsd_epoch_ctx *)((char *)head -
					      offsetof(struct weft_bsd_epoch_ctx,
						       head));

	ctx->fn(ctx);
}

void weft_bsd_epoch_call(struct weft_rcu_domain *e,
			 void (*fn)(struct weft_bsd_epoch_ctx *),
			 struct weft_bsd_epoch_ctx *ctx,
			 const struct weft_loc *loc)
{
	ctx->fn = fn;
	weft_rcu_domain_call(e, &ctx->head, run_ctx, loc);
}
