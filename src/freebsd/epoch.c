/* src/freebsd/epoch.c - epoch(9) over weft's RCU domains (weft/rcu.h):
 * an epoch is a domain, its sections are read sections, epoch_wait is a
 * grace period and epoch_call a callback.  The network stack's
 * net_epoch_preempt lives in the execution's FreeBSD state, so every
 * execution starts with it empty. */
#include "freebsd/bsd.h"

struct weft_rcu_domain *weft_bsd_epoch_alloc(const char *name,
					     const struct weft_loc *loc)
{
	/* Per-execution memory, as the kernel's epochs outlive the code
	 * that allocates them (an epoch a test never frees is no leak). */
	struct weft_rcu_domain *e = weft__exec_alloc(sizeof *e);

	weft_rcu_domain_init(e, name ? name : "epoch", 0, loc);
	e->epoch = 1;
	return e;
}

struct weft_rcu_domain *weft_bsd_net_epoch(void)
{
	struct weft_rcu_domain *e = &weft__bsd()->net_epoch;

	if (!e->epoch) {
		e->name = "net_epoch_preempt";
		e->epoch = 1;
	}
	return e;
}

void weft_bsd_epoch_free(struct weft_rcu_domain *e, const struct weft_loc *loc)
{
	weft_rcu_domain_cleanup(e, loc);
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
