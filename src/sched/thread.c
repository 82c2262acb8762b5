/* src/sched/thread.c - creating, joining and yielding test threads. */
#include <string.h>

#include "sched.h"

void weft__asan_enter(void);
void weft__asan_fresh_stack(void *base, size_t size);

static void thread_entry(void *arg)
{
	struct weft__thread *t = arg;

	weft__asan_enter();
	t->fn(t->arg);
	weft__thread_exit_current();
}

/* Create the thread's record and first context; used for the test body
 * (no spawn step) and by weft__spawn. */
int weft__thread_create(void (*fn)(void *), void *arg, const char *name,
			unsigned flags, const struct weft__thread *parent)
{
	struct weft__exec *X = weft__X;
	struct weft__thread *t;

	if (X->nthreads >= WEFT__MAX_THREADS)
		weft__limit("thread-limit", NULL,
			    "the test created more than %d threads in one "
			    "execution, weft's limit", WEFT__MAX_THREADS);
	t = &X->th[X->nthreads];
	memset(t, 0, sizeof *t);
	t->id = X->nthreads++;
	t->state = TS_LIVE;
	t->flags = flags;
	t->name = name ? name : weft__internf("thread%d", t->id);
	t->fn = fn;
	t->arg = arg;
	t->startop = (struct weft__op){ .name = "start", .objname = NULL,
					.access = WEFT__ACC_NONE };
	t->pending = &t->startop;
	if (parent) {
		memcpy(t->vc, parent->vc, sizeof t->vc);
		memcpy(t->pvc, parent->pvc, sizeof t->pvc);
		X->th[parent->id].pvc[parent->id]++;
	}
	t->stack = weft__stack_get();
	weft__asan_fresh_stack(t->stack->base, t->stack->size);
	weft__ctx_make(&t->ctx, t->stack->base, t->stack->size, thread_entry,
		       t);
	weft__S->nthreads = X->nthreads;
	weft__S->thread_names[t->id] = t->name;
	return t->id;
}

int weft__spawn(void (*fn)(void *), void *arg, const char *name,
		unsigned flags, const struct weft_loc *loc)
{
	struct weft__exec *X = weft__X;
	struct weft__thread *parent;

	if (X->cur < 0) /* from a set-up hook: no step to take */
		return weft__thread_create(fn, arg, name, flags, NULL);
	weft__point("spawn", NULL, name, WEFT__ACC_NONE, loc);
	parent = &X->th[X->cur];
	return weft__thread_create(fn, arg, name, flags, parent);
}

int weft__self(void)
{
	return weft__X ? weft__X->cur : -1;
}

int weft_self(void)
{
	return weft__self();
}

const char *weft__thread_name(int id)
{
	if (id < 0 || id >= weft__X->nthreads)
		return "?";
	return weft__X->th[id].name;
}

bool weft__thread_done(int id)
{
	return id >= 0 && id < weft__X->nthreads &&
	       weft__X->th[id].state == TS_DONE;
}

int weft__nthreads(void)
{
	return weft__X->nthreads;
}

const struct weft__op *weft__thread_pending(int id)
{
	return weft__X->th[id].pending;
}

weft_thread_t weft_spawn_at(void (*fn)(void *), void *arg, const char *name,
			    const struct weft_loc *loc)
{
	weft_thread_t t = { weft__spawn(fn, arg, name, 0, loc) };
	return t;
}

weft_thread_t(weft_spawn)(void (*fn)(void *), void *arg)
{
	return weft_spawn_at(fn, arg, weft__symbolize((const void *)fn),
			     NULL);
}

static bool join_ready(const struct weft__op *op)
{
	return weft__X->th[op->arg2].state == TS_DONE;
}

static int join_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "thread %s to finish", weft__X->th[op->arg2].name);
	return (int)op->arg2;
}

void weft_join_at(weft_thread_t th, const struct weft_loc *loc)
{
	struct weft__exec *X = weft__X;
	struct weft__thread *t;
	struct weft__op op;

	if (th.id < 0 || th.id >= X->nthreads)
		weft__fail("misuse", loc, "join of an invalid thread (id %d)",
			   th.id);
	t = &X->th[th.id];
	if (th.id == X->cur)
		weft__fail("misuse", loc, "thread %s joins itself", t->name);
	if (t->joined)
		weft__fail("misuse", loc, "thread %s joined twice", t->name);
	op = (struct weft__op){ .name = "join", .obj = t, .objname = t->name,
				.access = WEFT__ACC_READ, .ready = join_ready,
				.waitdesc = join_desc, .arg2 = th.id,
				.loc = loc };
	weft__visible(&op);
	t->joined = true;
	for (int i = 0; i < X->nthreads; i++)
		if (t->pvc[i] > X->th[X->cur].pvc[i])
			X->th[X->cur].pvc[i] = t->pvc[i];
}

const uint32_t *weft__pvc_tick(int tid)
{
	struct weft__thread *t = &weft__X->th[tid];

	t->pvc[tid]++;
	return t->pvc;
}

void(weft_join)(weft_thread_t t)
{
	weft_join_at(t, NULL);
}

void weft_yield_at(const struct weft_loc *loc)
{
	weft__point("yield", NULL, NULL, WEFT__ACC_NONE, loc);
	weft__spun();
}

void(weft_yield)(void)
{
	weft_yield_at(NULL);
}
