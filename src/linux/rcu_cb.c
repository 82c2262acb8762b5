/* src/linux/rcu_cb.c - RCU callbacks (call_rcu, kfree_rcu, call_srcu),
 * barriers, the life of a domain, and the end-of-test check.
 *
 * Each domain runs its callbacks in daemon threads of its own, one for
 * each CPU they were queued on ("rcuc/0", "rcuc/1", ... for the classic
 * domain, "srcu/NAME", "srcu/NAME/1", ... for an SRCU one), in atomic
 * context, each CPU's in the order they were queued, each once the grace
 * period it waits for has elapsed.  rcu.c has the grace periods, and
 * rcu_read.c the read sections, these build on. */
#include <stdio.h>

#include "lx.h"
#include <weft/kmem.h>

/* A callback thread: its domain and the slot of its CPU (d->cpu). */
struct cb_cpu {
	struct weft_rcu_domain *d;
	int slot;
};

/* The first callback queued on CPU tag cpu, and the one before it on the
 * queue; NULL when none, or when a head on the way lies in dead memory
 * (*dead set: the callback thread reports it). */
static struct weft_rcu_head *first_of(const struct weft_rcu_domain *d,
				      int cpu, struct weft_rcu_head **prev,
				      bool *dead)
{
	struct weft_rcu_head *p = NULL;

	*dead = false;
	for (struct weft_rcu_head *x = d->head; x; p = x, x = x->next) {
		if (weft__lx_rcu_head_dead(x)) {
			*dead = true;
			return NULL;
		}
		if (x->cpu == cpu) {
			*prev = p;
			return x;
		}
	}
	return NULL;
}

static bool cb_ready(const struct weft__op *op)
{
	const struct cb_cpu *c = op->arg;
	struct weft_rcu_head *h, *p;
	bool dead;

	h = first_of(c->d, c->d->cpu[c->slot], &p, &dead);
	return dead ||
	       (h && weft__lx_rcu_blocking_reader(c->d, h->stamp) < 0);
}

/* The callback to run now on CPU slot, unlinked from the queue: the
 * first queued on its CPU, as each CPU runs its own callbacks in the
 * order queued.  The kernel promises no order between CPUs, and runs
 * their callbacks at the same time (each CPU's RCU softirq or rcuo
 * kthread): each CPU has a thread of its own here.  All in one queue,
 * in the order queued, never ran a callback queued later on another CPU
 * first, and a bug that needs that order (a child's callback using a
 * parent another CPU's callback freed) was verified; one thread that
 * chose among the CPUs' first callbacks never ran two at once, and two
 * CPUs' callbacks that update one counter unlocked were verified (both
 * found by probes of RCU bugs). */
static struct weft_rcu_head *take_next(struct weft_rcu_domain *d, int slot)
{
	struct weft_rcu_head *h, *p = NULL;
	bool dead;

	for (struct weft_rcu_head *x = d->head; x; x = x->next)
		if (weft__lx_rcu_head_check(x), x->cpu == d->cpu[slot])
			break;
	h = first_of(d, d->cpu[slot], &p, &dead);
	if (!h)
		weft__die("an RCU callback thread ran with no callback");
	if (p)
		p->next = h->next;
	else
		d->head = h->next;
	if (d->tail == h)
		d->tail = p;
	h->next = NULL;
	return h;
}

static void rcu_thread(void *arg)
{
	struct cb_cpu *c = arg;
	struct weft_rcu_domain *d = c->d;
	int k = c->slot;
	struct weft__op op = { .name = "rcu_do_batch", .obj = d,
			       .objname = weft__lx_rcu_name(d),
			       .access = WEFT__ACC_WRITE, .ready = cb_ready,
			       .arg = c };

	/* What it queues (a callback, a work) is its CPU's. */
	weft__lx_me()->rcu_cpu = d->cpu[k] + 1;
	for (;;) {
		struct weft_rcu_head *h;
		struct weft__lx_ctx_save save;
		const struct weft_loc *queued_at;

		weft__visible(&op);
		h = take_next(d, k);
		/* Not read from h after its callback: the callback may let
		 * the owner of its frame go on (rcu_head.c). */
		queued_at = h->queued_at;
		d->running[k] = h->stamp;
		weft__lx_rcu_late_acquire(d, h->stamp, "rcu_gp_end",
					  h->queued_at);
		weft__lx_rcu_cb_ends_acquire(d, h);
		d->inflight[k] = h;
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
		d->inflight[k] = NULL;
		/* Done at the release step, which the barrier's wait
		 * follows (barrier_done). */
		weft__release_point("rcu_callback_done", d,
				    weft__lx_rcu_name(d), queued_at);
		d->running[k] = 0;
	}
}

/* The callback thread of CPU tag cpu, made with its first callback: one
 * while a single CPU queues, so that a test whose callbacks one thread
 * queues is explored as before. */
static void cpu_thread(struct weft_rcu_domain *d, int cpu,
		       const struct weft_loc *loc)
{
	struct cb_cpu *c;
	const char *name;
	int k = 0;

	while (k < d->ncpus && d->cpu[k] != cpu)
		k++;
	if (k < d->ncpus)
		return;
	if (k == WEFT_RCU_CPUS)
		weft__limit("rcu-cpus", loc,
			    "RCU callbacks of one domain queued on more than "
			    "%d CPUs", WEFT_RCU_CPUS);
	/* The slot is taken before the spawn, which other threads may
	 * run through: a callback they queue on this CPU finds it. */
	d->cpu[k] = cpu;
	d->ncpus++;
	c = weft__exec_alloc(sizeof *c);
	c->d = d;
	c->slot = k;
	if (d == &weft__lx_rcu_classic)
		name = weft__internf("rcuc/%d", k);
	else if (k == 0)
		name = weft__internf("srcu/%s", weft__lx_rcu_name(d));
	else
		name = weft__internf("srcu/%s/%d", weft__lx_rcu_name(d), k);
	weft__lx_spawn_system(rcu_thread, c, name, (uintptr_t)d + k, loc);
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
	uint32_t ends[WEFT__MAX_THREADS];
	int nends;

	weft__lx_rcu_alive(d, what, loc);
	weft__visible(&op);
	nends = weft__lx_rcu_gp_begins(d, ends, loc);
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
	h->cpu = weft__lx_rcu_cpu();
	if (d->tail)
		d->tail->next = h;
	else
		d->head = h;
	d->tail = h;
	weft__lx_rcu_cb_ends_keep(h, ends, nends);
	weft__lx_rcu_note(d);
	cpu_thread(d, h->cpu, loc);
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
	for (int k = 0; k < d->ncpus; k++)
		if (d->running[k] && d->running[k] <= s)
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
	const struct weft_rcu_head *h = NULL;
	int t;

	weft__lx_rcu_alive(d, f->cleanup, loc);
	weft__point(f->cleanup, d, weft__lx_rcu_name(d), WEFT__ACC_WRITE, loc);
	t = weft__lx_rcu_blocking_reader(d, ~0ul);
	if (t >= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) while %s is inside its read section",
			   f->cleanup, weft__lx_rcu_name(d), weft__lx_tname(t));
	for (int k = 0; k < d->ncpus && !h; k++)
		h = d->inflight[k];
	if (d->head || h)
		weft__fail(WEFT__K(MISUSE), loc,
			   "%s(%s) with a callback queued at %s not yet run "
			   "(call %s() first)", f->cleanup,
			   weft__lx_rcu_name(d),
			   weft__lx_site(d->head ? d->head->queued_at
						 : h->queued_at),
			   f->barrier);
	d->dead = 1;
}

/* ---- the end of the test ------------------------------------------------ */

/* The classic callback h, running, will run none of the test's code any
 * more: percpu_ref's switch to atomic mode after the release it may end
 * with, which may let the test end and free the head's memory before the
 * callback returns.  The kernel's callback touches nothing after it; as
 * a callback still running at the end it was a leak (a probe of
 * percpu_ref).  A barrier still waits for its return (d->running). */
void weft__lx_rcu_cb_finished(const struct weft_rcu_head *h)
{
	struct weft_rcu_domain *d = &weft__lx_rcu_classic;

	for (int k = 0; k < d->ncpus; k++)
		if (d->inflight[k] == h)
			d->inflight[k] = NULL;
}

/* A kfree_rcu block, or a typesafe object's, still to free at the end:
 * one handed out again is not the free's any more. */
static void free_left(const struct weft_rcu_head *h)
{
	if (h->typesafe != 2)
		weft__free(h->kfree_base, "kfree_rcu", h->queued_at);
}

/* The callback a thread was running at the end, if any.  A running
 * callback's head in a frame that returned (the callback let its owner
 * go on) is no longer the callback's: not read. */
static void inflight_check(const struct weft_rcu_head *h, const char *call,
			   const char *barrier)
{
	if (!h || weft__lx_rcu_head_dead(h)) {
		/* Nothing to read. */
	} else if (h->kfree_base) {
		/* Taken for freeing but not yet freed: as if it were. */
		free_left(h);
	} else {
		weft__fail(WEFT__K(LEAK), h->queued_at,
			   "an RCU callback queued by %s is still running at "
			   "the end of the test (call %s() first)", call,
			   barrier);
	}
}

/* Callbacks still queued at the end: kfree_rcu memory is released (the
 * grace period has certainly elapsed once every test thread finished);
 * other callbacks would run after the test's code is gone, which the
 * kernel requires rcu_barrier() (srcu_barrier()) to prevent. */
static void end_check(struct weft_rcu_domain *d)
{
	const char *call = weft__lx_rcu_flavour(d)->call;
	const char *barrier = weft__lx_rcu_flavour(d)->barrier;

	for (int k = 0; k < d->ncpus; k++)
		inflight_check(d->inflight[k], call, barrier);
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
