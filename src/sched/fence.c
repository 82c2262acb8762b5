/* src/sched/fence.c - the kernel's release fences (smp_wmb, smp_mb and
 * their kin) for the race detector's clocks: the relaxed atomics after a
 * fence (WEFT__ORDER_FENCED, op.h) release what it saw, and a race whose
 * earlier access such a write published without a fence names it
 * (weft__clock_unfenced).  Apart from clock.c, whose per-step work this
 * is not. */
#include <string.h>

#include "sched.h"
#include "sched/vclock.h"

/* The clocks of the threads' last release fences (weft__clock_fence_release),
 * kept in records of these keys. */
static const char frel_key[WEFT__MAX_THREADS];
/* The thread (by serial: ids are reused in an execution) whose fence a
 * record holds, plus one; a thread created in a reused record inherited
 * the dead one's fence (found by a review). */
static uint64_t frel_serial[WEFT__MAX_THREADS];

void weft__clock_fence_release(int tid)
{
	struct weft__thread *t = &weft__X->th[tid];
	struct weft__objrec *r = weft__objrec_find(&frel_key[tid], true);

	frel_serial[tid] = weft__thread_serial(tid) + 1;
	memcpy(r->svc, t->vc, sizeof(uint32_t) * (size_t)quad(weft__X->nthreads));
	r->svc_by = SVC_MIXED;
	/* What the thread does after the fence is not before it. */
	vc_tick(t->vc, t->id);
}

/* Each thread's last WEFT__ORDER_FENCED write with no release fence
 * before it, for the race report's hint (weft__clock_unfenced). */
static struct unfenced {
	uint64_t serial;  /* the thread's (its execution's too) */
	uint32_t clk;
	const char *name;
	const struct weft_loc *loc;
} unfenced[WEFT__MAX_THREADS];

bool weft__clock_unfenced(int tid, uint32_t after, const char **name,
			  const struct weft_loc **loc)
{
	const struct unfenced *u = &unfenced[tid];

	if (u->serial != weft__thread_serial(tid) || u->clk < after || !u->loc)
		return false;
	*name = u->name;
	*loc = u->loc;
	return true;
}

/* A WEFT__ORDER_FENCED write: it releases what t's last release fence
 * saw; a store replaces what the object released, a read-modify-write
 * adds to it (a release sequence goes on through them). */
void weft__clock_fenced_release(struct weft__thread *t,
				struct weft__objrec *r,
				const struct weft__op *op)
{
	uint64_t serial = weft__thread_serial(t->id);
	int n = quad(weft__X->nthreads);
	/* The serial holds the execution too: a match means this thread
	 * fenced in this execution, and its record is there (found with
	 * room for the threads created since, zeros). */
	struct weft__objrec *f =
		frel_serial[t->id] == serial + 1
			? weft__objrec_find(&frel_key[t->id], true)
			: NULL;

	if (!f)
		unfenced[t->id] = (struct unfenced){
			.serial = serial, .clk = t->vc[t->id],
			.name = op->name, .loc = op->loc };

	if (op->order & WEFT__ORDER_RMW) {
		if (f) {
			vc_join4(r->svc, f->svc, n);
			r->svc_by = SVC_MIXED;
		}
		return;
	}
	if (f)
		memcpy(r->svc, f->svc, sizeof(uint32_t) * (size_t)n);
	else
		memset(r->svc, 0, sizeof(uint32_t) * (size_t)n);
	r->svc_by = f ? SVC_MIXED : SVC_ZERO;
}

