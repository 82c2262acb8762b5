/* src/sched/section.c - atomic sections (__VERIFIER_atomic_begin/end and
 * anything else that must run as one block): while the thread inside can
 * run, the scheduler offers no other thread (see choose_next in sched.c);
 * entering is a blocking step on one section object, leaving a release,
 * so sections are ordered by happens-before and both orders of two
 * sections are explored. */
#include "sched.h"

static const char atomic_section_obj = 0;

const void *weft__atomic_section_obj(void)
{
	return &atomic_section_obj;
}

/* The scheduler asks whether a waiting thread may enter while another
 * thread runs, so the op carries its own thread (arg2): comparing with
 * the running thread let a thread enter while a blocked thread was inside
 * whenever that thread was the one running (a missed deadlock). */
static bool section_free(const struct weft__op *op)
{
	return weft__X->atomic_tid < 0 || weft__X->atomic_tid == op->arg2;
}

static int section_desc(const struct weft__op *op, char *buf, size_t n)
{
	(void)op;
	snprintf(buf, n, "the atomic section held by %s",
		 weft__thread_name(weft__X->atomic_tid));
	return weft__X->atomic_tid;
}

void weft__atomic_begin(const char *name, const struct weft_loc *loc)
{
	struct weft__exec *X = weft__X;
	struct weft__op op = { .name = name, .obj = &atomic_section_obj,
			       .access = WEFT__ACC_WRITE, .ready = section_free,
			       .waitdesc = section_desc, .arg2 = X ? X->cur : -1,
			       .loc = loc };

	if (!X || X->cur < 0)
		return;
	if (X->atomic_tid == X->cur) {
		X->atomic_depth++;
		return;
	}
	weft__visible(&op);
	X->atomic_tid = X->cur;
	X->atomic_depth = 1;
}

void weft__atomic_end(const char *name, const struct weft_loc *loc)
{
	struct weft__exec *X = weft__X;

	if (!X || X->cur < 0 || X->atomic_tid != X->cur)
		return;
	if (--X->atomic_depth > 0)
		return;
	weft__release_point(name, &atomic_section_obj, NULL, loc);
	X->atomic_tid = -1;
}
