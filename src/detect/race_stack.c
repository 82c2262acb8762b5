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

void weft__detect_race_stack_begin(void)
{
	R->gen++;
}

__attribute__((constructor)) static void race_stack_init(void)
{
	R = weft__persistent_alloc(sizeof *R);
}
