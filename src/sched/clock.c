/* src/sched/clock.c - happens-before clocks and per-object access history.
 *
 * Every object touched by a visible operation gets a record (found through
 * a small hash table kept across executions, each record made fresh by
 * the first use in an execution) holding the clock of its
 * last write and the join of the reads since.  The same record keeps the
 * step numbers the DFS strategy's partial-order reduction needs to find
 * the last operation that races with a thread's next one. */
#include <string.h>

#include "sched.h"
#include "sched/vclock.h"

#define TABLE_BITS 10


/* Persistent: a record is kept from one execution to the next and made
 * fresh when an execution first uses its object (most tests touch the same
 * objects in every execution: allocating and linking each record anew was
 * a twentieth of the kernel workload's instructions).  A record whose gen
 * is not the execution's is stale: as good as absent. */
struct objtab {
	struct weft__objrec *slot[1 << TABLE_BITS];
};
static struct objtab *T;

/* The records and their clocks, in a region of their own so that they
 * outlive the execution; when it fills up, an execution's records spill
 * into the execution's memory, and the next execution starts from an
 * empty table and region.  It is also emptied when more than half full
 * at an execution's start, so records of objects no longer used (heap
 * blocks at other addresses) do not pile up: the memory stays bounded. */
#define REGION_BYTES ((size_t)4 << 20)
static char *region;
static size_t region_used;
static bool spilled;
static uint32_t gen;

/* The record found last: a thread's steps often touch one object in a
 * row (a lock taken and released in a loop).  Only a record of this
 * execution is kept here, so the entry is good until the next reset. */
static struct weft__objrec *last;

bool weft__clock_steps;

void weft__objclock_reset(void)
{
	if (!T) {
		T = weft__persistent_alloc(sizeof *T);
		region = weft__persistent_alloc(REGION_BYTES);
	}
	gen++;
	if (spilled || region_used > REGION_BYTES / 2 || !gen) {
		memset(T->slot, 0, sizeof T->slot);
		region_used = 0;
		spilled = false;
		gen += !gen;
	}
	last = NULL;
}

static void *rec_alloc(size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (region_used + n <= REGION_BYTES) {
		void *p = region + region_used;
		region_used += n;
		return p;
	}
	spilled = true;
	return weft__exec_alloc_raw(n);
}

static unsigned hash_ptr(const void *p)
{
	uint64_t x = (uint64_t)(uintptr_t)p;
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdULL;
	x ^= x >> 33;
	return (unsigned)x & ((1u << TABLE_BITS) - 1);
}

/* Give the record room for every thread of the execution: the clocks
 * grow as threads appear, the entries of new threads zero. */
static struct weft__objrec *grow(struct weft__objrec *r)
{
	int n = weft__X->nthreads, cap = r->cap ? r->cap : 8;
	char *p;

	/* A new record has room for 8 threads, not just those there are:
	 * records made as the first threads start would otherwise grow as
	 * the next ones appear (a tenth of the kernel workload's clock
	 * work). */
	while (cap < n)
		cap *= 2;
	p = rec_alloc((sizeof(uint32_t) * 3 + sizeof(long)) * (size_t)cap);
	long *step = (long *)p;
	uint32_t *svc = (uint32_t *)(step + cap), *rvc = svc + cap,
		 *clk = rvc + cap;
	memset(svc, 0, sizeof *svc * (size_t)cap * 2);
	if (r->cap) {
		memcpy(step, r->r_step, sizeof *step * (size_t)r->cap);
		memcpy(svc, r->svc, sizeof *svc * (size_t)r->cap);
		memcpy(rvc, r->rvc, sizeof *rvc * (size_t)r->cap);
		memcpy(clk, r->r_clk, sizeof *clk * (size_t)r->cap);
	}
	r->r_step = step;
	r->svc = svc;
	r->rvc = rvc;
	r->r_clk = clk;
	r->cap = cap;
	return r;
}

/* Most records fit already: the test stays inline at every step. */
static inline struct weft__objrec *fit(struct weft__objrec *r)
{
	return weft__X->nthreads <= r->cap ? r : grow(r);
}

/* The record as a new one is: no access yet, all clocks zero (the
 * release and read clocks are contiguous: grow). */
static void fresh(struct weft__objrec *r)
{
	r->gen = gen;
	r->w_step = -1;
	r->w_tid = -1;
	r->w_clk = 0;
	r->a_step = -1;
	r->a_tid = -1;
	r->a_clk = 0;
	r->r_mask = weft__ts_none();
	r->pvc = NULL;
	r->npvc = 0;
	r->svc_by = SVC_ZERO;
	r->rvc_zero = true;
	if (r->cap)
		memset(r->svc, 0, sizeof *r->svc * (size_t)r->cap * 2);
}

struct weft__objrec *weft__objrec_find(const void *obj, bool create)
{
	struct weft__objrec *r, **pp;
	unsigned h;

	if (last && last->obj == obj)
		return create ? fit(last) : last;
	h = hash_ptr(obj);
	for (pp = &T->slot[h]; (r = *pp); pp = &r->next) {
		if (r->obj != obj)
			continue;
		if (r->gen != gen) {
			if (!create)
				return NULL;
			fresh(r);
		}
		/* First in its slot, where the inline look-up finds it. */
		if (pp != &T->slot[h]) {
			*pp = r->next;
			r->next = T->slot[h];
			T->slot[h] = r;
		}
		last = r;
		return create ? fit(r) : r;
	}
	if (!create)
		return NULL;
	r = rec_alloc(sizeof *r);
	r->obj = obj;
	r->cap = 0;
	fresh(r);
	fit(r);
	r->next = T->slot[h];
	T->slot[h] = r;
	last = r;
	return r;
}

/* The lookup of a clock step, inline: the record is nearly always the
 * first of its slot and has room for every thread (a call with the
 * one-entry cache above cost a step about 48 instructions of the core
 * workload's 1,000). */
static inline struct weft__objrec *find_fast(const void *obj)
{
	struct weft__objrec *r = T->slot[hash_ptr(obj)];

	if (__builtin_expect(r && r->obj == obj && r->gen == gen &&
				     weft__X->nthreads <= r->cap,
			     1))
		return r;
	return weft__objrec_find(obj, true);
}

static const char sc_fence_obj = 0;

const void *weft__sc_fence_obj(void)
{
	return &sc_fence_obj;
}

/* Without a branch per entry: which of the two is larger is close to a
 * coin toss, and a mispredicted branch per thread per step showed in the
 * profile.  The clocks of a thread and of an object never overlap. */
static void vc_join(uint32_t *restrict dst, const uint32_t *restrict src,
		    int n)
{
	for (int i = 0; i < n; i++) {
		uint32_t a = dst[i], b = src[i];
		dst[i] = a > b ? a : b;
	}
}

/* Atomics with an explicit C11 order follow ThreadSanitizer: an acquire
 * joins the release clock, a release store replaces it, a release
 * read-modify-write adds to it, relaxed does neither.  Every other
 * operation (locks, waits, the kernel models' steps) keeps the full
 * order: it joins the release clock, a write also joins the reads made
 * since the last write, and a write replaces the release clock. */
static bool is_explicit(const struct weft__op *op)
{
	return op->order & WEFT__ORDER_EXPLICIT;
}

/* Joining the release clock changes nothing when the thread's own clock
 * already dominates it: a thread joins, in a lock taken and released in
 * a loop, the clock it left there itself. */
static inline bool svc_news(const struct weft__thread *t,
			    const struct weft__objrec *r)
{
	return r->svc_by != SVC_BY(t) && r->svc_by != SVC_ZERO;
}

static inline __attribute__((always_inline)) void
obj_join(struct weft__thread *t, struct weft__objrec *r,
	 const struct weft__op *op)
{
	int n = quad(weft__X->nthreads);

	if (is_explicit(op)) {
		if ((op->order & WEFT__ORDER_ACQUIRE) && svc_news(t, r))
			vc_join4(t->vc, r->svc, n);
		return;
	}
	if (svc_news(t, r))
		vc_join4(t->vc, r->svc, n);
	if (op->access == WEFT__ACC_WRITE && !r->rvc_zero)
		vc_join4(t->vc, r->rvc, n);
}

/* An atomic's release with an explicit C11 order (see is_explicit), out
 * of line: most steps are locks and the kernel models' steps. */
static __attribute__((noinline)) void
obj_release_explicit(struct weft__thread *t, struct weft__objrec *r,
		     const struct weft__op *op, int n)
{
	if (!(op->order & WEFT__ORDER_RELEASE) ||
	    op->access != WEFT__ACC_WRITE) {
		if ((op->order & WEFT__ORDER_FENCED) &&
		    op->access == WEFT__ACC_WRITE)
			weft__clock_fenced_release(t, r, op);
		return;
	}
	if (!(op->order & WEFT__ORDER_RMW) || !svc_news(t, r)) {
		/* A join with a clock t dominates is a copy. */
		memcpy(r->svc, t->vc, sizeof(uint32_t) * (size_t)n);
		r->svc_by = SVC_BY(t);
	} else {
		vc_join4(r->svc, t->vc, n);
		r->svc_by = SVC_MIXED;
	}
}

/* Leave t's clock on the object for those that acquire it later.  Inline
 * for the full order (a call's saving and restoring of registers was a
 * third of its cost at a lock's step). */
static inline __attribute__((always_inline)) void
obj_release(struct weft__thread *t, struct weft__objrec *r,
	    const struct weft__op *op)
{
	int n = quad(weft__X->nthreads);

	if (__builtin_expect(is_explicit(op), 0)) {
		obj_release_explicit(t, r, op, n);
		return;
	}
	if (op->access == WEFT__ACC_WRITE) {
		/* Sixteen bytes at a time, not memcpy and memset of the whole
		 * clock: with a few threads the library calls cost more than
		 * the stores. */
		for (int i = 0; i < n; i += 4)
			__builtin_memcpy(r->svc + i, t->vc + i, 16);
		r->svc_by = SVC_BY(t);
		if (!r->rvc_zero)
			for (int i = 0; i < n; i += 4)
				__builtin_memset(r->rvc + i, 0, 16);
		r->rvc_zero = true;
	} else {
		vc_join4(r->rvc, t->vc, n);
		r->rvc_zero = false;
	}
}

/* Record t's (already advanced) clock as the latest access to obj. */
/* Inline, as obj_join is: as calls, their saving and restoring of
 * registers was a fifth of the clock's work at a step. */
static inline __attribute__((always_inline)) void
obj_record(struct weft__thread *t, struct weft__objrec *r,
	   const struct weft__op *op, long step)
{
	int id = t->id, access = op->access;

	obj_release(t, r, op);
	if (!weft__clock_steps)
		return;
	if (access == WEFT__ACC_WRITE && !op->release && !op->reenter) {
		r->a_step = step;
		r->a_tid = id;
		r->a_clk = t->vc[id];
	}
	if (access == WEFT__ACC_WRITE) {
		r->w_step = step;
		r->w_tid = id;
		r->w_clk = t->vc[id];
		r->r_mask = weft__ts_none();
	} else {
		/* A read release (a reader's unlock) orders later writers after
		 * it but is no race partner: blocking acquisitions race with
		 * the earlier acquisitions instead. */
		if (!op->release && !op->reenter) {
			weft__ts_add(&r->r_mask, id);
			r->r_step[id] = step;
			r->r_clk[id] = t->vc[id];
		}
	}
}

/* The step op on memory inside the tracked block whose record is rb is
 * also a use of the block, ordered after its free; the thread's clock
 * advances in between, as for the step itself.  Apart, so that the
 * common step (no block) does not build the use's op (a 136-byte
 * initialiser at every step). */
static __attribute__((noinline)) void
block_use(struct weft__thread *t, struct weft__objrec *rb,
	  const struct weft__op *op, long step)
{
	/* The use orders as the op does: an atomic's not at all (its
	 * relaxed flag must not order a free after the plain writes before
	 * it). */
	struct weft__op use = { .access = WEFT__ACC_READ,
				.order = (uint8_t)(op->order &
						   WEFT__ORDER_EXPLICIT) };

	obj_join(t, rb, &use);
	vc_tick(t->vc, t->id);
	obj_record(t, rb, &use, step);
}

/* A step listener: advance thread tid's clock for the step it takes now
 * with op, ordering it after the earlier dependent operations on the
 * object(s) the op touches. */
void weft__clock_step(int tid, const struct weft__op *op)
{
	struct weft__thread *t = &weft__X->th[tid];
	long step = weft__X->nsteps - 1;
	struct weft__objrec *r1, *r2 = NULL;

	if (op->access == WEFT__ACC_NONE || !op->obj) {
		vc_tick(t->vc, t->id);
		return;
	}
	r1 = find_fast(op->obj);
	if (op->obj2)
		r2 = find_fast(op->obj2);
	/* An operation on memory inside a tracked block is also a use of the
	 * block, so it is ordered after the block's free (a write). */
	/* The range test inline: most steps' objects (static locks, a
	 * thread's own records) lie outside the tracked heap, and the call
	 * that would say so was a tenth of this function's work at such a
	 * step. */
	const void *blk = weft__in_tracked_heap(op->obj)
				  ? weft__heap_block_start(op->obj)
				  : NULL;
	struct weft__objrec *rb = blk && blk != op->obj
					  ? weft__objrec_find(blk, true)
					  : NULL;

	obj_join(t, r1, op);
	if (r2)
		obj_join(t, r2, op);
	if (rb)
		block_use(t, rb, op, step);
	else
		vc_tick(t->vc, t->id);
	obj_record(t, r1, op, step);
	if (r2) {
		/* The second object is released by the step (cond_wait
		 * releases its mutex): for the race analysis it is a release. */
		struct weft__op rel = *op;
		rel.release = true;
		obj_record(t, r2, &rel, step);
	}
	/* A seq_cst access reads the fences' object for the race analysis,
	 * ordering no clock (an explicit order without acquire or release). */
	if (op->order & WEFT__ORDER_SC) {
		struct weft__op sc = { .access = WEFT__ACC_READ,
				       .order = WEFT__ORDER_EXPLICIT };
		obj_record(t, weft__objrec_find(&sc_fence_obj, true), &sc,
			   step);
	}
}

/* Not in weft__clock_step: a test of one more order bit at every step
 * cost the core workload 0.3% of its instructions (bench/instr.sh). */
void weft__clock_sc_fence(int tid)
{
	struct weft__op f = { .access = WEFT__ACC_WRITE,
			      .order = WEFT__ORDER_EXPLICIT };

	obj_record(&weft__X->th[tid], weft__objrec_find(&sc_fence_obj, true),
		   &f, weft__X->nsteps - 1);
}

const uint32_t *weft__vc(int tid)
{
	return weft__X->th[tid].vc;
}

void weft__vc_acquire(int tid, const uint32_t *c, int n)
{
	int m = weft__X->nthreads;

	vc_join(weft__X->th[tid].vc, c, n < m ? n : m);
}

void weft__vc_tick(int tid)
{
	vc_tick(weft__X->th[tid].vc, tid);
}

int weft__release_clock(const void *obj, const uint32_t **c)
{
	struct weft__objrec *r = weft__objrec_find(obj, false);
	int n = weft__X->nthreads;

	if (!r || !r->cap)
		return 0;
	*c = r->svc;
	return n < r->cap ? n : r->cap;
}

/* The block-level access of an op: a write when it is a free-like write
 * of the block start, a use otherwise. */
static bool block_dependent(const struct weft__op *a, const struct weft__op *b)
{
	const void *ba = weft__heap_block_start(a->obj);
	const void *bb = weft__heap_block_start(b->obj);
	bool wa, wb;

	if (!ba || ba != bb)
		return false;
	wa = a->obj == ba && a->access == WEFT__ACC_WRITE;
	wb = b->obj == bb && b->access == WEFT__ACC_WRITE;
	return wa || wb;
}

/* A seq_cst access or fence against a seq_cst fence (WEFT__ORDER_SC): b
 * is a fence (its own step, or one that is also a fence,
 * WEFT__ORDER_SC_FENCE), and a touches the fences' object too. */
static bool sc_fenced(const struct weft__op *a, const struct weft__op *b)
{
	bool fence_b = (b->obj == &sc_fence_obj &&
			b->access == WEFT__ACC_WRITE) ||
		       (b->order & WEFT__ORDER_SC_FENCE);

	return fence_b && ((a->order & (WEFT__ORDER_SC |
					WEFT__ORDER_SC_FENCE)) ||
			   (a->obj == &sc_fence_obj &&
			    a->access == WEFT__ACC_WRITE));
}

static const char liveness_obj = 0;

const void *weft__liveness_obj(void)
{
	return &liveness_obj;
}

bool weft__op_dependent(const struct weft__op *a, const struct weft__op *b)
{
	if (a && b && (sc_fenced(a, b) || sc_fenced(b, a)))
		return true;
	if (a && b && weft__live_conflict(a->liveness, b->liveness))
		return true;
	if (a && b && a->obj && b->obj && a->access != WEFT__ACC_NONE &&
	    b->access != WEFT__ACC_NONE && block_dependent(a, b))
		return true;
	if (!a || !b || a->access == WEFT__ACC_NONE ||
	    b->access == WEFT__ACC_NONE || !a->obj || !b->obj)
		return false;
	if (a->obj != b->obj && a->obj != b->obj2 &&
	    (!a->obj2 || (a->obj2 != b->obj && a->obj2 != b->obj2)))
		return false;
	return a->access == WEFT__ACC_WRITE || b->access == WEFT__ACC_WRITE;
}
