/* src/pthread/keys.c - pthread_once and thread-specific data.
 *
 * Keys and their values are per execution (reset by the begin hook), like
 * everything else a test creates.  Thread-specific data is private to its
 * thread, so get/set are not scheduling points; pthread_once is, because
 * which thread runs the initialiser is an interleaving choice. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "pthread/pt.h"
#include "modelled.h"

/* glibc's PTHREAD_KEYS_MAX: a program may count on every key it allows
 * (POSIX's minimum is 128; a limit of 64 made a correct program fail). */
#define MAX_KEYS 1024
#define DESTRUCTOR_ROUNDS 4 /* PTHREAD_DESTRUCTOR_ITERATIONS */

struct keys {
	bool used[MAX_KEYS];
	void (*dtor[MAX_KEYS])(void *);
	const struct weft_loc *at[MAX_KEYS]; /* where the key was created */
	const void *val[WEFT__MAX_THREADS][MAX_KEYS];
};
static struct keys *K;

/* A new execution has no keys.  Only the key table is cleared, and only
 * as far as the last execution created keys: values are cleared per key
 * when it is created and per thread when the thread starts, so stale ones
 * are never read, and the 2 MiB of values are not cleared in every
 * execution of every test (most create no key).  keys_hw is one past the
 * highest key created since the last clearing (0: none; all of them
 * before the first); the per-thread work (clearing at start, destructors
 * at exit, the leak check's roots) stops there too, not at MAX_KEYS. */
static unsigned keys_hw = MAX_KEYS;

int __weft_pthread_key_create(pthread_key_t *k, void (*dtor)(void *))
{
	if (!weft__pt_live())
		return pthread_key_create(k, dtor);
	for (unsigned i = 0; i < MAX_KEYS; i++) {
		if (!K->used[i]) {
			K->used[i] = true;
			K->dtor[i] = dtor;
			K->at[i] = PT_LOC();
			if (i >= keys_hw)
				keys_hw = i + 1;
			for (int t = 0; t < WEFT__MAX_THREADS; t++)
				K->val[t][i] = NULL;
			*k = i;
			return 0;
		}
	}
	return EAGAIN;
}

int __weft_pthread_key_delete(pthread_key_t k)
{
	if (!weft__pt_live())
		return pthread_key_delete(k);
	if (k >= MAX_KEYS || !K->used[k])
		return EINVAL;
	K->used[k] = false;
	return 0;
}

void *__weft_pthread_getspecific(pthread_key_t k)
{
	if (!weft__pt_live())
		return pthread_getspecific(k);
	if (k >= MAX_KEYS || !K->used[k])
		return NULL;
	return (void *)K->val[weft__self()][k];
}

int __weft_pthread_setspecific(pthread_key_t k, const void *v)
{
	if (!weft__pt_live())
		return pthread_setspecific(k, v);
	if (k >= MAX_KEYS || !K->used[k])
		return EINVAL;
	K->val[weft__self()][k] = v;
	return 0;
}

/* Thread tid's values, roots of the leak check while it lives
 * (src/detect/leak.c, which has a weak stand-in for builds without this
 * layer): how many there are at *vals, none when this execution created
 * no key. */
int weft__pt_key_values(int tid, const void *const **vals)
{
	if (!K || !keys_hw || tid < 0 || tid >= WEFT__MAX_THREADS)
		return 0;
	*vals = K->val[tid];
	return (int)keys_hw;
}

void weft__pt_keys_thread_start(int tid)
{
	memset(K->val[tid], 0, sizeof K->val[tid][0] * keys_hw);
}

/* Run key i's destructor on value v at its thread's end.  A destructor
 * that is a C library function the program named (free, a common one) is
 * called from here, so its return address names no line of the program
 * (a free was reported at libweft.so:0): while it runs, its frees are
 * reported at the thread's end, in the destructor of the key created at
 * the program's line. */
static void call_dtor(unsigned i, void *v)
{
	struct weft_loc *l = weft__exec_alloc(sizeof *l);
	const struct weft_loc *outer;

	l->file = "its end";
	l->func = K->at[i] && K->at[i]->file
			  ? weft__internf("the destructor of the key created "
					  "at %s:%d", K->at[i]->file,
					  K->at[i]->line)
			  : "a key's destructor";
	outer = weft__pt_exit_site_set(l);
	K->dtor[i](v);
	weft__pt_exit_site_set(outer);
}

/* Called when a pthread ends: destructors run for non-NULL values, a few
 * rounds, as POSIX specifies. */
void weft__pt_keys_thread_exit(int tid)
{
	/* No key was created in this execution: none is in use (the scan
	 * showed in the profile of every pthread's exit). */
	if (!keys_hw)
		return;
	for (int round = 0; round < DESTRUCTOR_ROUNDS; round++) {
		bool any = false;
		for (unsigned i = 0; i < keys_hw; i++) {
			void *v = (void *)K->val[tid][i];
			if (!K->used[i] || !v || !K->dtor[i])
				continue;
			K->val[tid][i] = NULL;
			call_dtor(i, v);
			any = true;
		}
		if (!any)
			return;
	}
}

/* ---- pthread_once -------------------------------------------------------- */

/* The once word: 0 not started (PTHREAD_ONCE_INIT), 1 running, 2 done. */
static bool once_ready(const struct weft__op *op)
{
	return *(const volatile pthread_once_t *)op->obj != 1;
}

static int once_desc(const struct weft__op *op, char *buf, size_t n)
{
	snprintf(buf, n, "pthread_once %s to finish", op->objname);
	return -1;
}

/* Blocks while another thread runs the initialiser; its effects happen
 * before every return from pthread_once. */
/* An initializer that leaves by an exception (C++'s call_once) or a
 * cancellation leaves the once word as it found it, and the next call
 * runs it again, as glibc's cleanup handler does: the word stayed
 * "running", and a retry after a caught exception was a false deadlock
 * (a probe of C++ programs).  This file is compiled with -fexceptions, so
 * the cleanup runs as the exception passes. */
struct once_run {
	pthread_once_t *o;
	const struct weft_loc *loc;
	struct once_run *prev; /* the thread's enclosing run, or NULL */
	const void *mark;      /* the innermost cleanup handler at its start */
};

/* Each thread's innermost initializer running, for a cancellation or a
 * pthread_exit inside it, which leave by longjmp: the cleanup attribute
 * runs only as an exception passes, and the word stayed "running" (a
 * retry was a false deadlock: a probe). */
static struct once_run *once_top[WEFT__MAX_THREADS];
/* Whether an initializer ran this execution: only then has once_top
 * anything to clear (a memset of the whole table was 1% of the core
 * workload's instructions, in every execution of every test). */
static bool once_used;

static void abandon(struct once_run *r)
{
	weft__point("pthread_once abandoned", r->o,
		    weft__objname(r->o, "once"), WEFT__ACC_WRITE, r->loc);
	*r->o = 0;
	r->o = NULL;
}

static void once_abandoned(struct once_run *r)
{
	if (!r->o)
		return;
	once_top[weft__self()] = r->prev;
	abandon(r);
}

void weft__pt_once_unwound_to(const void *top)
{
	int self = weft__self();
	struct once_run *r;

	if (self < 0)
		return;
	/* glibc's pthread_once pushes a handler of its own: it runs after
	 * those its initializer pushed and before those pushed before the
	 * call (reset first, an initializer's handler that waited for
	 * another thread's pthread_once of the word let it run again: a
	 * review). */
	while ((r = once_top[self]) && r->mark == top) {
		once_top[self] = r->prev;
		if (r->o)
			abandon(r);
	}
}

int weft__pt_once(pthread_once_t *o, void (*init)(void),
		  const struct weft_loc *loc)
{
	struct weft__op op;
	struct once_run run __attribute__((cleanup(once_abandoned))) = {
		NULL, loc, NULL, NULL };
	int self = weft__self();

	op = (struct weft__op){ .name = "pthread_once", .obj = o,
				.objname = weft__objname(o, "once"),
				.access = WEFT__ACC_WRITE, .ready = once_ready,
				.waitdesc = once_desc, .loc = loc };
	weft__visible(&op);
	weft__check_access(o, sizeof *o, true, loc);
	if (*o == 2)
		return 0;
	*o = 1;
	run.o = o;
	run.mark = *weft__pt_cleanup_top();
	run.prev = once_top[self];
	once_top[self] = &run;
	once_used = true;
	init();
	once_top[self] = run.prev;
	run.o = NULL;
	weft__point("pthread_once done", o, op.objname, WEFT__ACC_WRITE, loc);
	*o = 2;
	return 0;
}

int __weft_pthread_once(pthread_once_t *o, void (*init)(void))
{
	if (!weft__pt_live())
		return pthread_once(o, init);
	return weft__pt_once(o, init, PT_LOC());
}

void weft__pthread_keys_begin(void)
{
	if (once_used)
		memset(once_top, 0, sizeof once_top);
	once_used = false;
	if (!keys_hw)
		return;
	memset(K->used, 0, sizeof K->used[0] * keys_hw);
	memset(K->dtor, 0, sizeof K->dtor[0] * keys_hw);
	memset(K->val[0], 0, sizeof K->val[0][0] * keys_hw);
	keys_hw = 0;
}

__attribute__((constructor)) static void keys_init(void)
{
	K = weft__persistent_alloc(sizeof *K);
}
