/* src/linux/katomic.c - atomic_t, bit operations, marked accesses and
 * barriers: single indivisible steps on the memory they touch. */
#include <stdint.h>
#include <string.h>

#include "lx.h"
#include <weft/katomic.h>

static long load(const void *c, size_t size)
{
	return size == sizeof(int) ? (long)*(const int *)c : *(const long *)c;
}

static void store(void *c, size_t size, long v)
{
	if (size == sizeof(int))
		*(int *)c = (int)v;
	else
		*(long *)c = v;
}

long weft_katomic_op(void *counter, size_t size, int op, long a, long b,
		     const char *what, const struct weft_loc *loc)
{
	long old;

	weft__point(what, counter, NULL,
		    op == WEFT_KA_READ ? WEFT__ACC_READ : WEFT__ACC_WRITE, loc);
	/* checked at the step: it may have been freed while we waited */
	weft__check_access(counter, size, op != WEFT_KA_READ, loc);
	weft__race_model_access(counter, size, op != WEFT_KA_READ, loc);
	old = load(counter, size);
	switch (op) {
	case WEFT_KA_SET:
	case WEFT_KA_XCHG:
		store(counter, size, a);
		break;
	case WEFT_KA_ADD:
		/* Wrap like the kernel's atomics (two's complement), without
		 * signed overflow in C. */
		store(counter, size, (long)((unsigned long)old + (unsigned long)a));
		break;
	case WEFT_KA_CMPXCHG:
		if (old == a)
			store(counter, size, b);
		break;
	case WEFT_KA_ADD_UNLESS:
		if (old != b)
			store(counter, size,
			      (long)((unsigned long)old + (unsigned long)a));
		break;
	default:
		break;
	}
	return old;
}

#define BITS (8 * sizeof(unsigned long))

int weft_kbit_op(unsigned long *addr, long nr, int op, const char *what,
		 const struct weft_loc *loc)
{
	unsigned long *w = addr + nr / (long)BITS;
	unsigned long mask = 1ul << (nr % (long)BITS);
	int old;

	weft__point(what, w, NULL,
		    op == WEFT_KB_TEST ? WEFT__ACC_READ : WEFT__ACC_WRITE, loc);
	weft__check_access(w, sizeof *w, op != WEFT_KB_TEST, loc);
	weft__race_model_access(w, sizeof *w, op != WEFT_KB_TEST, loc);
	old = (*w & mask) != 0;
	switch (op) {
	case WEFT_KB_SET:
		*w |= mask;
		break;
	case WEFT_KB_CLEAR:
		*w &= ~mask;
		break;
	case WEFT_KB_CHANGE:
		*w ^= mask;
		break;
	default:
		break;
	}
	return old;
}

/* READ_ONCE and WRITE_ONCE are sequentially consistent accesses here,
 * stronger than the kernel memory model, which orders neither with the
 * plain accesses around them: a flag published with WRITE_ONCE after
 * plain stores, read with READ_ONCE, was verified with no word of it
 * (found by a probe of kernel patterns).  Every verdict of a test that
 * uses them says so, once per execution at most. */
#define ONCE_NOTE 0x4f4e43454d4f444cull

static void once_note(const char *what)
{
	static long gen = -1;

	if (gen == weft__exec_gen() ||
	    (strncmp(what, "READ_ONCE", 9) != 0 &&
	     strncmp(what, "WRITE_ONCE", 10) != 0))
		return;
	gen = weft__exec_gen();
	weft__verdict_note(ONCE_NOTE,
			   "READ_ONCE/WRITE_ONCE are explored as sequentially "
			   "consistent, stronger than the kernel memory model: "
			   "a bug that needs them reordered is not found");
}

void weft_kaccess(const void *p, size_t n, int write, const char *what,
		  const struct weft_loc *loc)
{
	once_note(what);
	weft__point(what, p, NULL,
		    write ? WEFT__ACC_WRITE : WEFT__ACC_READ, loc);
	weft__check_access(p, n, write != 0, loc);
}

void weft_kbarrier(const char *what, const struct weft_loc *loc)
{
	weft__point(what, NULL, NULL, WEFT__ACC_NONE, loc);
}
