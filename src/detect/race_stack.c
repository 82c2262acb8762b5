/* src/detect/race_stack.c - the per-thread function stacks that
 * instrumented code keeps with __tsan_func_entry/exit, so a race report can
 * name the calls that led to the access.
 *
 * The stacks live in persistent memory; each belongs to one execution: the
 * begin hook advances a generation, and a stack from an older one reads as
 * empty. */
#include "detect/race.h"

#define STACK_MAX 64

struct thread_stack {
	uint32_t gen;                 /* execution the stack belongs to */
	int depth;
	uintptr_t pc[STACK_MAX];      /* the calls at depths below STACK_MAX */
	uintptr_t sp[STACK_MAX];      /* their frames' stack pointers */
	/* Deeper calls (a deep recursion): depth d at deep[d % STACK_MAX],
	 * which a call STACK_MAX deeper overwrites.  The live calls at depths
	 * deep_lo .. depth - 1 are still there; those between STACK_MAX and
	 * deep_lo are lost. */
	uintptr_t deep[STACK_MAX];
	int deep_lo;
};

struct stackstate {
	uint32_t gen;                 /* bumped by the begin hook */
	struct thread_stack th[WEFT__MAX_THREADS];
};
static struct stackstate *R;

static struct thread_stack *stack_of(int t)
{
	struct thread_stack *s = &R->th[t];

	if (s->gen != R->gen) {
		s->gen = R->gen;
		s->depth = 0;
		s->deep_lo = STACK_MAX;
	}
	return s;
}

void weft__race_func_entry(uintptr_t pc, uintptr_t sp)
{
	int t, d;
	struct thread_stack *s;

	if (!weft__race_on || (t = weft__self()) < 0)
		return;
	s = stack_of(t);
	d = s->depth++;
	if (d < STACK_MAX) {
		s->pc[d] = pc;
		s->sp[d] = sp;
		return;
	}
	s->deep[d % STACK_MAX] = pc;
	if (d <= s->deep_lo)
		s->deep_lo = d; /* nothing live above the lost ones */
	else if (d - STACK_MAX + 1 > s->deep_lo)
		s->deep_lo = d - STACK_MAX + 1; /* depth d - STACK_MAX's gone */
}

void weft__race_func_exit(void)
{
	int t;
	struct thread_stack *s;

	if (!weft__race_on || (t = weft__self()) < 0)
		return;
	s = stack_of(t);
	if (s->depth > 0)
		s->depth--;
	if (__builtin_expect(weft__frames_watched | weft__frame_args_watched,
			     0)) {
		if (weft__frames_watched)
			weft__race_frames_exit(t, s->depth);
		if (weft__frame_args_watched)
			weft__frame_args_exit(t, s->depth);
	}
}

/* The call at depth i of s, or 0 when it is lost. */
static uintptr_t call_at(const struct thread_stack *s, int i)
{
	if (i < STACK_MAX)
		return s->pc[i];
	return i >= s->deep_lo ? s->deep[i % STACK_MAX] : 0;
}

int weft__race_frames(int t, const uintptr_t **sp, int *depth)
{
	struct thread_stack *s = stack_of(t);

	*sp = s->sp;
	*depth = s->depth;
	return s->depth < STACK_MAX ? s->depth : STACK_MAX;
}

uintptr_t weft__race_frame_call(int t, int d)
{
	return call_at(stack_of(t), d);
}

int weft__race_stack(uintptr_t *out, int max)
{
	return weft__race_stack_of(weft__self(), out, max);
}

int weft__race_stack_of(int t, uintptr_t *out, int max)
{
	int k = 0;
	struct thread_stack *s;

	if (t < 0)
		return 0;
	s = stack_of(t);
	/* Innermost first, up to the first lost call. */
	for (int i = s->depth - 1; i >= 0 && k < max; i--) {
		uintptr_t pc = call_at(s, i);
		if (!pc)
			break;
		out[k++] = pc;
	}
	return k;
}

/* The calling thread's innermost call site, or 0 when it has none or it
 * is lost (a deep recursion overwrote it, see deep[]).  Reads
 * only, for the crash handler (cli/worker.c): a stack of an older
 * execution is empty. */
uintptr_t weft__race_innermost_call(void)
{
	int t = weft__self();
	const struct thread_stack *s;

	if (!R || t < 0 || R->th[t].gen != R->gen)
		return 0;
	s = &R->th[t];
	if (s->depth <= 0)
		return 0;
	return call_at(s, s->depth - 1);
}

void weft__detect_race_stack_begin(void)
{
	R->gen++;
}

__attribute__((constructor)) static void race_stack_init(void)
{
	R = weft__persistent_alloc(sizeof *R);
}
