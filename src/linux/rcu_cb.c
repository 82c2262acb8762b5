/* src/linux/rcu_cb.c - RCU callbacks (call_rcu, kfree_rcu, call_srcu),
 * barriers, the life of a domain, and the end-of-test check.
 *
 * Each domain runs its callbacks in a daemon thread of its own ("rcuc/0"
 * for the classic domain, "srcu/NAME" for an SRCU one), in atomic
 * context, in the order they were queued, each once the grace period it
 * waits for has elapsed.  rcu.c has the grace periods, and rcu_read.c
 * the read sections, these build on. */
#include <stdio.h>

#include "lx.h"
#include <weft/kmem.h>

static bool cb_ready(const struct weft__op *op)
{
	const struct weft_rcu_domain *d = op->obj;

	return d->head && weft__lx_rcu_blocking_reader(d, d->head->stamp) < 0;
}

/* The callback to run now, unlinked from the queue.  The kernel keeps
 * callbacks per CPU and promises no order between CPUs: of the callbacks
 * whose grace period has elapsed, the first that each thread (a CPU here)
 * queued may run next, and the search chooses when there are several.
 * All in one queue, in the order queued, never ran a callback queued
 * later on another CPU first, and a bug that needs that order (a child's
 * callback using a parent another CPU's callback freed) was verified
 * (found by a probe of RCU lifetime bugs). */
#define MAX_CAND 16
static struct weft_rcu_head *take_next(struct weft_rcu_domain *d)
{
	struct weft_rcu_head *cand[MAX_CAND], *prev[MAX_CAND], *p = NULL;
	int n = 0, k = 0;

	for (struct weft_rcu_head *x = d->head; x && n < MAX_CAND;
	     p = x, x = x->next) {
		bool first = true;
		weft__lx_rcu_head_check(x);
		for (struct weft_rcu_head *y = d->head; first && y != x;
		     y = y->next)
			first = y->cpu != x->cpu;
		if (!first ||
		    weft__lx_rcu_blocking_reader(d, x->stamp) >= 0)
			continue;
		cand[n] = x;
		prev[n++] = p;
	}
	if (n > 1)
		k = weft_choose_at(n, cand[0]->queued_at);
	p = prev[k];
	if (p)
		p->next = cand[k]->next;
	else
		d->head = cand[k]->next;
	if (d->tail == cand[k])
		d->tail = p;
	cand[k]->next = NULL;
	return cand[k];
}

static void rcu_thread(void *arg)
{
	struct weft_rcu_domain *d = arg;
	struct weft__op op = { .name = "rcu_do_batch", .obj = d,
			       .objname = weft__lx_rcu_name(d),
			       .access = WEFT__ACC_WRITE, .ready = cb_ready };

	for (;;) {
		struct weft_rcu_head *h;
		struct weft__lx_ctx_save save;
		const struct weft_loc *queued_at;

		weft__visible(&op);
		h = take_next(d);
		/* Not read from h after its callback: the callback may let
		 * the owner of its frame go on (rcu_head.c). */
		queued_at = h->queued_at;
		d->running = h->stamp;
		weft__lx_rcu_late_acquire(d, h->stamp, "rcu_gp_end",
					  h->queued_at);
		d->inflight = h;
		if (h->kfree_base) {
			/* The grace period has elapsed: no reader can hold the
			 * block, so it is freed without the reader check.  The
			 * free is a step of its own on the block, so an access
			 * that follows kfree_rcu in the freeing thread is also
			 * tried after the free.  A typesafe object handed out
			 * again is not freed; one still free is taken from
			 * its cache before the free's step, at which the
			 * cache could hand it out again otherwise. */
			if (h->typesafe == 1)
				h->typesafe = 3;
			if (h->typesafe != 2)
				weft__free_step(h->kfree_base,
						h->typesafe ? "kmem_cache_free"
							    : "kfree_rcu",
						h->queued_at);
			h->typesafe = 0;
		} else {
			weft__lx_ctx_enter(&save, d->sleepable
							  ? "SRCU callback"
							  : "RCU callback",
					   h->name, 0, 0);
			weft__check_access(h, sizeof *h, false, h->queued_at);
			h->func(h);
			weft__lx_ctx_leave(&save);
		}
		d->inflight = NULL;
		/* Done at the release step, which the barrier's wait
		 * follows (barrier_done). */
		weft__release_point("rcu_callback_done", d,
				    weft__lx_rcu_name(d), queued_at);
		d->running = 0;
	}
}

static void enqueue(struct weft_rcu_domain *d, struct weft_rcu_head *h,
		    const char *what, const struct weft_loc *loc)
{
	/* A grace period's start orders the late read sections too (a
	 * section begun after it is late, one before it is waited for). */
	struct weft__op op = { .name = what, .obj = d,
			       .obj2 = weft__lx_rcu_late_obj(d),
			       .objname = weft__lx_rcu_name(d),
			       .access = WEFT__ACC_WRITE, .loc = loc };

	weft__lx_rcu_alive(d, what, loc);
	weft__visible(&op);
	weft__lx_rcu_gp_begins(d, loc);
	weft__check_access(h, sizeof *h, true, loc);
	for (struct weft_rcu_head *x = d->head; x; x = x->next)
		if (weft__lx_rcu_head_check(x), x == h)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s on an rcu_head that is already queued "
				   "(queued at %s)", what,
				   weft__lx_site(h->queued_at));
	h->stamp = ++d->clock;
	h->next = NULL;
	h->queued_at = loc;
	h->cpu = weft__self();
	if (d->tail)
		d->tail->next = h;
	else
		d->head = h;
	d->tail = h;
	weft__lx_rcu_note(d);
	if (!d->thread) {
		const char *name =
			d == &weft__lx_rcu_classic
				? "rcuc/0"
				: weft__internf("srcu/%s", weft__lx_rcu_name(d));
		d->thread = -1;
		d->thread = weft__lx_spawn_system(rcu_thread, d, name,
						  (uintptr_t)d, loc) + 1;
	}
}

static void call(struct weft_rcu_domain *d, struct weft_rcu_head *head,
		 void (*fn)(struct weft_rcu_head *), const char *name,
		 const struct weft_loc *loc)
{
	head->func = fn;
	head->kfree_base = NULL;
	head->name = name;
	enqueue(d, head, weft__lx_rcu_flavour(d)->call, loc);
	weft__lx_rcu_head_watch(head, loc);
}

void weft_rcu_domain_call(struct weft_rcu_domain *d, struct weft_rcu_head *head,
			  void (*fn)(struct weft_rcu_head *),
			  const struct weft_loc *loc)
{
	call(d, head, fn, NULL, loc);
}

void weft_call_rcu(struct weft_rcu_head *head,
		   void (*fn)(struct weft_rcu_head *), const char *name,
		   const struct weft_loc *loc)
{
	call(&weft__lx_rcu_classic, head, fn, name, loc);
}

void weft_kfree_rcu(void *base, struct weft_rcu_head *head,
		    const struct weft_loc *loc)
{
	if (!base)
		return;
	weft__check_access(base, 1, true, loc);
	head->func = NULL;
	head->kfree_base = base;
	enqueue(&weft__lx_rcu_classic, head, "kfree_rcu", loc);
}

/* ---- SLAB_TYPESAFE_BY_RCU ------------------------------------------------ */

/* The object goes back to its cache at once (weft_slab_rcu_alloc may hand
 * it out again), and its memory stays the cache's until a grace period
 * has elapsed: the callback thread frees it then, unless it was handed
 * out again (head->typesafe).  A plain kfree made every lookup that read
 * a freed object inside its read section a use-after-free, though the
 * cache's contract lets it, and so the documented lookup (take a
 * reference with inc_not_zero, then check the key again) was reported
 * (found by a probe of RCU lifetime bugs). */
void weft_slab_rcu_free(struct weft_slab_rcu *s, void *p,
			const struct weft_loc *loc)
{
	struct weft_rcu_head *h = NULL;

	if (!p)
		return;
	weft__check_access(p, 1, true, loc);
	for (int i = 0; i < WEFT_SLAB_RCU_MAX; i++) {
		struct weft_rcu_head *x = &s->head[i];
		if (x->typesafe == 1 && x->kfree_base == p)
			weft__fail(WEFT__K(DOUBLE_FREE), loc,
				   "kmem_cache_free of an object already freed "
				   "to its cache at %s",
				   weft__lx_site(x->queued_at));
		if (!h && !x->typesafe)
			h = x;
	}
	if (!h)
		weft__limit("slab-rcu", loc,
			    "more than %d objects of one SLAB_TYPESAFE_BY_RCU "
			    "cache freed within a grace period",
			    WEFT_SLAB_RCU_MAX);
	/* A release on the slot, which a reuse takes (weft_slab_rcu_alloc):
	 * the freeing thread's writes come before the new owner's. */
	weft__release_point("kmem_cache_free", h, NULL, loc);
	h->func = NULL;
	h->name = NULL;
	h->kfree_base = p;
	h->typesafe = 1;
	enqueue(&weft__lx_rcu_classic, h, "kmem_cache_free", loc);
}

static bool barrier_done(const struct weft__op *op)
{
	const struct weft_rcu_domain *d = op->obj;

	unsigned long s = (unsigned long)op->arg2;

	/* Every callback queued before the barrier has run: callbacks of
	 * different threads run in any order, so a count of those run is
	 * no longer the test. */
	if (d->running && d->running <= s)
		return false;
	/* (A head in dead memory ends the walk: the callback thread
	 * reports it.) */
	for (const struct weft_rcu_head *x = d->head; x; x = x->next)
		if (weft__lx_rcu_head_dead(x) || x->stamp <= s)
			return false;
	return true;
}

void weft_rcu_domain_barrier(struct weft_rcu_domain *d,
			     const struct weft_loc *loc)
{
	const char *what = weft__lx_rcu_flavour(d)->barrier;
	struct weft__op op = { .name = what, .obj = d,
			       .objname = weft__lx_rcu_name(d),
			       .access = WEFT__ACC_WRITE, .loc = loc };

	weft__lx_rcu_alive(d, what, loc);
	weft_might_sleep(what, NULL, loc);
	weft__visible(&op);
	op.arg2 = (long)d->clock;
	op.ready = barrier_done;
	weft__visible(&op);
}

void weft_rcu_barrier(const struct weft_loc *loc)
{
	weft_rcu_domain_barrier(&weft__lx_rcu_classic, loc);
}

/* ---- the life of a domain ------------------------------------------------ */

void weft_rcu_domain_init(struct weft_rcu_domain *d, const char *name,
			  int sleepable, const struct weft_loc *loc)
{
	weft__check_access(d, sizeof *d, true, loc);
	*d = (struct weft_rcu_domain)WEFT_RCU_DOMAIN_INIT(name, sleepable);
}

void weft_rcu_domain_cleanup(struct weft_rcu_domain *d,
			     const struct weft_loc *loc)
{
	const struct weft__lx_rcu_flavour *f = weft__lx_rcu_flavour(d);
	int t;

	weft__lx_rcu_alive(d, f->cleanup, loc);
	weft__point(f->cleanup, d, weft__lx_rcu_name(d), WEFT__ACC_WRITE, loc);
	t = weft__lx_rcu_blocking_reader(d, ~0ul);
	if (t >= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) while %s is inside its read section",
			   f->cleanup, weft__lx_rcu_name(d), weft__lx_tname(t));
	if (d->head || d->inflight)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) with a callback queued at %s not yet run "
			   "(call %s() first)", f->cleanup,
			   weft__lx_rcu_name(d),
			   weft__lx_site(d->head ? d->head->queued_at
						 : d->inflight->queued_at),
			   f->barrier);
	d->dead = 1;
}

/* ---- the end of the test ------------------------------------------------ */

/* A kfree_rcu block, or a typesafe object's, still to free at the end:
 * one handed out again is not the free's any more. */
static void free_left(const struct weft_rcu_head *h)
{
	if (h->typesafe != 2)
		weft__free(h->kfree_base, "kfree_rcu", h->queued_at);
}

/* Callbacks still queued at the end: kfree_rcu memory is released (the
 * grace period has certainly elapsed once every test thread finished);
 * other callbacks would run after the test's code is gone, which the
 * kernel requires rcu_barrier() (srcu_barrier()) to prevent. */
static void end_check(struct weft_rcu_domain *d)
{
	const char *call = weft__lx_rcu_flavour(d)->call;
	const char *barrier = weft__lx_rcu_flavour(d)->barrier;

	/* A running callback's head in a frame that returned (the callback
	 * let its owner go on) is no longer the callback's: not read. */
	if (d->inflight && weft__lx_rcu_head_dead(d->inflight)) {
		/* Nothing to read. */
	} else if (d->inflight && d->inflight->kfree_base) {
		/* Taken for freeing but not yet freed: as if it were. */
		free_left(d->inflight);
	} else if (d->inflight) {
		weft__fail(WEFT__K(LEAK), d->inflight->queued_at,
			   "an RCU callback queued by %s is still running at "
			   "the end of the test (call %s() first)", call,
			   barrier);
	}
	for (struct weft_rcu_head *h = d->head; h; h = h->next) {
		weft__lx_rcu_head_check(h);
		if (h->kfree_base) {
			free_left(h);
			continue;
		}
		weft__fail(WEFT__K(LEAK), h->queued_at,
			   "an RCU callback queued by %s has not run at the "
			   "end of the test (call %s() first)", call, barrier);
	}
}

void weft__lx_rcu_end_check(void)
{
	struct weft_rcu_domain **all;
	int n = weft__lx_rcu_ndomains(&all);

	for (int i = 0; i < n; i++)
		end_check(all[i]);
}
