/* src/sched/stack.c - fiber stacks with guard pages.
 *
 * Each stack is an mmap'd region whose lowest page is PROT_NONE, so a test
 * thread that overflows its stack faults on the guard page; the worker's
 * SIGSEGV handler (on its own alternate stack) recognises the address and
 * reports a crash "stack overflow" with the schedule.  Stacks are pooled and
 * reused across executions: a new execution takes them in order again. */
#include <sys/mman.h>
#include <unistd.h>

#include "sched.h"

struct pool {
	struct weft__stack *all;   /* every stack ever made */
	struct weft__stack *next;  /* next one to hand out this execution */
};
static struct pool *P;         /* persistent: survives global restores */

static struct weft__stack *stack_new(void)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t size = (size_t)weft__opts.stack_size;
	struct weft__stack *s = weft__persistent_alloc(sizeof *s);
	char *m;

	size = (size + page - 1) & ~(page - 1);
	m = mmap(NULL, size + page, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
	if (m == MAP_FAILED)
		weft__die("cannot map a %zu-byte fiber stack", size);
	if (mprotect(m, page, PROT_NONE) != 0)
		weft__die("cannot protect a stack guard page");
	s->guard = m;
	s->base = m + page;
	s->size = size;
	return s;
}

struct weft__stack *weft__stack_get(void)
{
	struct weft__stack *s;

	if (!P)
		P = weft__persistent_alloc(sizeof *P);
	if (P->next) {
		s = P->next;
		P->next = s->next;
		return s;
	}
	s = stack_new();
	s->next = NULL;
	/* Append so the pool's order stays the creation order. */
	if (!P->all) {
		P->all = s;
	} else {
		struct weft__stack *t = P->all;
		while (t->next)
			t = t->next;
		t->next = s;
	}
	P->next = NULL;
	return s;
}

/* Make every stack available again for the next execution. */
void weft__stack_put_all(void)
{
	if (P)
		P->next = P->all;
}

bool weft__addr_in_guard(const void *addr)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	const char *a = addr;

	for (struct weft__stack *s = P ? P->all : NULL; s; s = s->next)
		if (a >= (char *)s->guard && a < (char *)s->guard + page)
			return true;
	return false;
}
