/* src/sched/shared.c - whether the threads of a test were seen sharing
 * anything, for the note on a clean verdict.
 *
 * weft sees only what is instrumented or modelled: code built without
 * weft-cc, and inline-assembly atomics (lock-free libraries have them),
 * touch shared memory invisibly, and such a program comes out verified
 * after one schedule.  That cannot be detected directly, but its symptom
 * can: threads were created, and yet in no execution did two threads
 * touch the same memory (the race detector saw no other thread's record
 * of the bytes accessed) or the same object of a visible operation (a
 * lock, an atomic, a semaphore).  Creating, starting, ending and joining
 * threads do not count: they are what such a program does see.  The
 * report then says so beside the verdict.
 *
 * Objects are tracked in a small table per execution, and only until the
 * first sharing is seen; then nothing more is looked at for the test.
 *
 * The other statements a verdict rests on (weft__verdict_note) are kept
 * here too, in the test's shared record, for the report. */
#include <stdio.h>
#include <string.h>

#include "sched.h"

#define NOBJ 1024 /* objects tracked per execution; more counts as shared */

static struct {
	const void *obj;
	uint32_t gen;
	uint32_t serial;
} objs[NOBJ];
static uint32_t gen;
static int nobj;

void weft__saw_shared(void)
{
	if (weft__S)
		weft__S->v.shared_seen = true;
}

/* Thread life-cycle steps: a thread's start reads what its spawn wrote,
 * and a join reads what the thread's exit wrote, in every program. */
static bool lifecycle(const struct weft__op *op)
{
	const struct weft__exec *X = weft__X;
	const char *o = op->obj, *th = (const char *)X->th;

	if (o >= th && o < th + sizeof X->th)
		return true;
	return !strcmp(op->name, "spawn") || !strcmp(op->name, "start");
}

/* A step listener: thread tid took op.  Two threads' operations on one
 * object are sharing.  Whether op is a life-cycle step is asked only when
 * the answer matters, when op would enter a new object in the table or
 * find another thread's: a thread's repeated steps on its own object (a
 * lock taken in a loop) change nothing either way, and comparing names
 * at every step was most of this listener's cost. */
void weft__shared_op(int tid, const struct weft__op *op)
{
	uint32_t serial;
	size_t h;

	if (weft__S->v.shared_seen || !op->obj ||
	    op->access == WEFT__ACC_NONE)
		return;
	if (nobj >= NOBJ / 2) {
		/* Too many objects to tell: say nothing rather than guess. */
		if (!lifecycle(op))
			weft__saw_shared();
		return;
	}
	serial = weft__thread_serial(tid);
	h = ((uintptr_t)op->obj >> 3) * 0x9E3779B97F4A7C15ull % NOBJ;
	while (objs[h].gen == gen && objs[h].obj != op->obj)
		h = (h + 1) % NOBJ;
	/* By serial, not id: a thread created after another was joined
	 * reuses its id (two threads that took the same locks one after
	 * the other were "no shared access"; a probe of the README). */
	if (objs[h].gen == gen && objs[h].serial == serial)
		return;
	if (lifecycle(op))
		return;
	if (objs[h].gen == gen) {
		weft__saw_shared();
	} else {
		objs[h].obj = op->obj;
		objs[h].gen = gen;
		objs[h].serial = serial;
		nobj++;
	}
}

void weft__sched_shared_begin(void)
{
	gen++;
	nobj = 0;
}


int weft__nondet_wide, weft__nondet_widenable;

void weft__verdict_inputs_sampled(void)
{
	weft__S->v.inputs_sampled = true;
}

void weft__verdict_spurious_capped(uint64_t key, const char *msg)
{
	weft__S->v.spurious_capped = true;
	weft__verdict_note(key, msg);
}

void weft__verdict_unexplored(unsigned bit, uint64_t key, const char *msg)
{
	weft__S->v.unexplored |= bit;
	weft__verdict_note(key, msg);
}

void weft__verdict_seeded(uint64_t key, const char *how, const char *call,
			  const struct weft_loc *loc)
{
	weft__verdict_inputs_sampled();
	weft__verdict_note(
		key,
		weft__internf("the program %s (%s at %s:%d); a seed from the "
			      "clock or the process id differs in every real "
			      "run, but weft's are the same in every "
			      "execution: the verification covers this seed's "
			      "numbers only",
			      how, call,
			      weft__file_base(loc && loc->file ? loc->file
							       : "?"),
			      loc ? loc->line : 0));
}

void weft__verdict_stale_cut(void)
{
	weft__S->v.stale_bound = weft__opts.stale_bound;
}

void weft__verdict_starved(void)
{
	weft__S->v.starve_bound = weft__opts.starve_bound;
}

bool weft__verdict_noted(uint64_t key)
{
	const struct weft__verdict *V = &weft__S->v;

	for (int i = 0; i < V->nnotes; i++)
		if (V->note_keys[i] == key)
			return true;
	return false;
}

void weft__verdict_note(uint64_t key, const char *msg)
{
	struct weft__verdict *V = &weft__S->v;

	if (weft__verdict_noted(key) || V->nnotes == WEFT__MAX_NOTES)
		return;
	V->note_keys[V->nnotes] = key;
	snprintf(V->notes[V->nnotes], sizeof V->notes[0], "%s", msg);
	V->nnotes++;
}
