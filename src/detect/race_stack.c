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
	uintptr_t pc[STACK_MAX];
	/* Past STACK_MAX calls (a deep recursion): the innermost call, or 0
	 * once a return made it unknown.  pc[] keeps the outermost ones. */
	uintptr_t top;
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
	}
	return s;
}

void weft__race_func_entry(uintptr_t pc)
{
	int t;
	struct thread_stack *s;

	if (!weft__race_on || (t = weft__self()) < 0)
		return;
	s = stack_of(t);
	if (s->depth < STACK_MAX)
		s->pc[s->depth] = pc;
	else
		s->top = pc;
	s->depth++;
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
	if (s->depth > STACK_MAX)
		s->top = 0;
}

int weft__race_stack(uintptr_t *out, int max)
{
	int t = weft__self(), k = 0;
	struct thread_stack *s;

	if (t < 0)
		return 0;
	s = stack_of(t);
	for (int i = (s->depth < STACK_MAX ? s->depth : STACK_MAX) - 1;
	     i >= 0 && k < max; i--)
		out[k++] = s->pc[i];
	return k;
}

/* The calling thread's innermost call site, or 0 when it has none or it
 * is not known (deeper than STACK_MAX, after a return there).  Reads
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
	return s->depth <= STACK_MAX ? s->pc[s->depth - 1] : s->top;
}

void weft__detect_race_stack_begin(void)
{
	R->gen++;
}

__attribute__((constructor)) static void race_stack_init(void)
{
	R = weft__persistent_alloc(sizeof *R);
}
