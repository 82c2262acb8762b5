/* src/linux/rcu.c - RCU read sections, grace periods and callbacks.
 *
 * Grace periods are exact: a stamp counter orders section entries and
 * grace-period starts, and a grace period that started at stamp S has
 * elapsed once no thread is in a read section it entered at or before S.
 * Section entry and exit are READ steps on the RCU object (readers do not
 * affect one another); grace-period steps are WRITEs, so partial-order
 * reduction orders them against every reader. */
#include <stdio.h>

#include "lx.h"
#include <weft/kmem.h>

static char rcu_obj;
#define RCU_NAME "rcu"

static struct {
	unsigned long clock;
	struct weft_rcu_head *head, *tail;  /* callbacks, FIFO */
	unsigned long nqueued, ndone;
	int thread;                          /* rcuc/0 id + 1 */
	struct weft_rcu_head *inflight;      /* callback being run */
	bool used;                           /* a reader ever entered */
} R;

void weft__lx_rcu_begin(void)
{
	R.clock = 0;
	R.head = R.tail = NULL;
	R.nqueued = R.ndone = 0;
	R.thread = 0;
	R.inflight = NULL;
	R.used = false;
}

void weft_rcu_read_lock(const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();

	weft__point("rcu_read_lock", &rcu_obj, RCU_NAME, WEFT__ACC_READ, loc);
	R.used = true;
	if (me->rcu_depth++ == 0) {
		me->rcu_stamp = ++R.clock;
		me->rcu_loc = loc;
		me->nrcu_ptr = 0;
	}
}

void weft_rcu_read_unlock(const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();

	if (me->rcu_depth <= 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "rcu_read_unlock without a matching "
			   "rcu_read_lock");
	{
		/* Leaving a section only enables grace-period waiters. */
		struct weft__op op = { .name = "rcu_read_unlock",
				       .obj = &rcu_obj, .objname = RCU_NAME,
				       .access = WEFT__ACC_READ,
				       .release = true, .loc = loc };
		weft__visible(&op);
	}
	if (--me->rcu_depth == 0)
		me->nrcu_ptr = 0;
}

int weft_rcu_read_held(void)
{
	return weft__lx_me()->rcu_depth > 0;
}

/* The first thread still inside a read section entered at or before
 * stamp s, or -1. */
static int blocking_reader(unsigned long s)
{
	int n = weft__nthreads();

	for (int i = 0; i < n; i++)
		if (weft__lx_th[i].rcu_depth > 0 && weft__lx_th[i].rcu_stamp <= s)
			return i;
	return -1;
}

static bool gp_elapsed(const struct weft__op *op)
{
	return blocking_reader((unsigned long)op->arg2) < 0;
}

static int gp_waitdesc(const struct weft__op *op, char *buf, size_t n)
{
	int t = blocking_reader((unsigned long)op->arg2);

	if (t < 0) {
		snprintf(buf, n, "a grace period");
		return -1;
	}
	snprintf(buf, n, "a grace period: %s is in an RCU read section "
		 "(rcu_read_lock at %s)", weft__lx_tname(t),
		 weft__lx_site(weft__lx_th[t].rcu_loc));
	return t;
}

void weft_synchronize_rcu(const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();
	struct weft__op op = { .name = "synchronize_rcu", .obj = &rcu_obj,
			       .objname = RCU_NAME, .access = WEFT__ACC_WRITE,
			       .waitdesc = gp_waitdesc, .loc = loc };

	if (me->rcu_depth > 0)
		weft__fail(WEFT__K(MISUSE), loc,
			   "synchronize_rcu inside an RCU read "
			   "section (rcu_read_lock at %s) waits for itself",
			   weft__lx_site(me->rcu_loc));
	weft_might_sleep("synchronize_rcu", NULL, loc);
	weft__visible(&op);
	op.arg2 = (long)++R.clock;
	op.ready = gp_elapsed;
	weft__visible(&op);
}

/* ---- callbacks ----------------------------------------------------------- */

static bool cb_ready(const struct weft__op *op)
{
	(void)op;
	return R.head && blocking_reader(R.head->stamp) < 0;
}

static void rcu_thread(void *arg)
{
	struct weft__op op = { .name = "rcu_do_batch", .obj = &rcu_obj,
			       .objname = RCU_NAME, .access = WEFT__ACC_WRITE,
			       .ready = cb_ready };
	(void)arg;
	for (;;) {
		struct weft_rcu_head *h;
		struct weft__lx_ctx_save save;

		weft__visible(&op);
		h = R.head;
		R.head = h->next;
		if (!R.head)
			R.tail = NULL;
		h->next = NULL;
		R.inflight = h;
		if (h->kfree_base) {
			/* The grace period has elapsed: no reader can hold the
			 * block, so it is freed without the reader check.  The
			 * free is a step of its own on the block, so an access
			 * that follows kfree_rcu in the freeing thread is also
			 * tried after the free. */
			weft__lx_kmem_forget(h->kfree_base);
			weft__free_step(h->kfree_base, "kfree_rcu",
					h->queued_at);
		} else {
			weft__lx_ctx_enter(&save, "RCU callback", NULL, 0, 0);
			weft__check_access(h, sizeof *h, false, h->queued_at);
			h->func(h);
			weft__lx_ctx_leave(&save);
		}
		R.inflight = NULL;
		weft__release_point("rcu_callback_done", &rcu_obj, RCU_NAME,
				    h->queued_at);
		R.ndone++;
	}
}

static void enqueue(struct weft_rcu_head *h, const char *what,
		    const struct weft_loc *loc)
{
	weft__point(what, &rcu_obj, RCU_NAME, WEFT__ACC_WRITE, loc);
	weft__check_access(h, sizeof *h, true, loc);
	for (struct weft_rcu_head *x = R.head; x; x = x->next)
		if (x == h)
			weft__fail(WEFT__K(MISUSE), loc,
				   "%s on an rcu_head that is "
				   "already queued (queued at %s)", what,
				   weft__lx_site(h->queued_at));
	h->stamp = ++R.clock;
	h->next = NULL;
	h->queued_at = loc;
	if (R.tail)
		R.tail->next = h;
	else
		R.head = h;
	R.tail = h;
	R.nqueued++;
	if (!R.thread) {
		R.thread = -1;
		R.thread = weft__lx_spawn_daemon(rcu_thread, NULL, "rcuc/0", loc) + 1;
	}
}

void weft_call_rcu(struct weft_rcu_head *head,
		   void (*fn)(struct weft_rcu_head *), const char *name,
		   const struct weft_loc *loc)
{
	(void)name;
	head->func = fn;
	head->kfree_base = NULL;
	enqueue(head, "call_rcu", loc);
}

void weft_kfree_rcu(void *base, struct weft_rcu_head *head,
		    const struct weft_loc *loc)
{
	if (!base)
		return;
	weft__check_access(base, 1, true, loc);
	head->func = NULL;
	head->kfree_base = base;
	enqueue(head, "kfree_rcu", loc);
}

static bool barrier_done(const struct weft__op *op)
{
	return (long)(R.ndone - (unsigned long)op->arg2) >= 0;
}

void weft_rcu_barrier(const struct weft_loc *loc)
{
	struct weft__op op = { .name = "rcu_barrier", .obj = &rcu_obj,
			       .objname = RCU_NAME, .access = WEFT__ACC_WRITE,
			       .loc = loc };

	weft_might_sleep("rcu_barrier", NULL, loc);
	weft__visible(&op);
	op.arg2 = (long)R.nqueued;
	op.ready = barrier_done;
	weft__visible(&op);
}

/* ---- pointers ------------------------------------------------------------ */

void *weft_rcu_load(void *const *slot, int mode, const struct weft_loc *loc)
{
	struct weft__lx_thread *me = weft__lx_me();
	void *v;

	weft__point("rcu_dereference", slot, NULL, WEFT__ACC_READ,
		    loc);
	weft__check_access(slot, sizeof *slot, false, loc);
	v = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
	if (mode == WEFT_RCU_DEREF && me->rcu_depth <= 0 && me->nheld == 0 &&
	    !me->atomic_what)
		weft__fail(WEFT__K(MISUSE), loc,
			   "rcu_dereference outside an RCU "
			   "read section and without any lock held");
	if (mode == WEFT_RCU_DEREF && me->rcu_depth > 0 && v) {
		if (me->nrcu_ptr == LX_MAX_RCU_PTRS) {
			/* Keep the most recent: older ones were most likely
			 * only traversed. */
			for (int i = 1; i < LX_MAX_RCU_PTRS; i++) {
				me->rcu_ptr[i - 1] = me->rcu_ptr[i];
				me->rcu_ptr_loc[i - 1] = me->rcu_ptr_loc[i];
			}
			me->nrcu_ptr--;
		}
		me->rcu_ptr[me->nrcu_ptr] = v;
		me->rcu_ptr_loc[me->nrcu_ptr++] = loc;
	}
	return v;
}

void weft_rcu_store(void **slot, void *v, const struct weft_loc *loc)
{
	weft__point("rcu_assign_pointer", slot, NULL,
		    WEFT__ACC_WRITE, loc);
	weft__check_access(slot, sizeof *slot, true, loc);
	__atomic_store_n(slot, v, __ATOMIC_RELEASE);
}

/* Called by kfree before it frees [p, p+n): a reader that obtained a
 * pointer into the block and is still inside its read section may use
 * it.  The step on the RCU object orders the free against readers' section
 * ends, so exploration tries the free inside the section too. */
void weft__lx_rcu_check_free(const void *p, size_t n,
			     const struct weft_loc *loc)
{
	int self = weft__self(), nt;

	if (!R.used)
		return;
	weft__point("kfree", &rcu_obj, RCU_NAME, WEFT__ACC_WRITE, loc);
	nt = weft__nthreads();
	for (int t = 0; t < nt; t++) {
		const struct weft__lx_thread *r = &weft__lx_th[t];
		if (t == self || r->rcu_depth <= 0)
			continue;
		for (int i = 0; i < r->nrcu_ptr; i++) {
			const char *q = r->rcu_ptr[i];
			if (q < (const char *)p || q >= (const char *)p + n)
				continue;
			weft__fail_detail("%s obtained the pointer by "
					  "rcu_dereference at %s",
					  weft__lx_tname(t),
					  weft__lx_site(r->rcu_ptr_loc[i]));
			weft__fail_detail("and is still inside its RCU read "
					  "section (rcu_read_lock at %s)",
					  weft__lx_site(r->rcu_loc));
			weft__fail(WEFT__K(USE_AFTER_FREE), loc,
				   "kfree of memory an RCU reader may still "
				   "use: %s is inside its read section; free "
				   "it after synchronize_rcu or with "
				   "kfree_rcu/call_rcu", weft__lx_tname(t));
		}
	}
}

/* Callbacks still queued at the end: kfree_rcu memory is released (the
 * grace period has certainly elapsed once every test thread finished);
 * other callbacks would run after the test's code is gone, which the
 * kernel requires rcu_barrier() to prevent. */
void weft__lx_rcu_end_check(void)
{
	if (R.inflight && R.inflight->kfree_base) {
		/* Taken for freeing but not yet freed: as if it were. */
		weft__lx_kmem_forget(R.inflight->kfree_base);
		weft__free(R.inflight->kfree_base, "kfree_rcu",
			   R.inflight->queued_at);
	} else if (R.inflight) {
		weft__fail(WEFT__K(LEAK), R.inflight->queued_at,
			   "an RCU callback queued by call_rcu is still running "
			   "at the end of the test (call rcu_barrier() first)");
	}
	for (struct weft_rcu_head *h = R.head; h; h = h->next) {
		if (h->kfree_base) {
			weft__lx_kmem_forget(h->kfree_base);
			weft__free(h->kfree_base, "kfree_rcu", h->queued_at);
			continue;
		}
		weft__fail(WEFT__K(LEAK), h->queued_at,
			   "an RCU callback queued by call_rcu has not run at "
			   "the end of the test (call rcu_barrier() first)");
	}
}
