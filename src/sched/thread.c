/* src/sched/thread.c - creating test threads (join.c joins them).
 *
 * At most WEFT__MAX_THREADS threads exist at once, but a test may create
 * any number over its run: a new thread takes over the record (id, stack,
 * TLS block) of a finished thread whose exit already happens before the
 * creator's current point, i.e. one the creator joined, directly or
 * through others.  Everything the old thread did is then ordered before
 * everything the new one does, so sharing its clock entry adds no order
 * the program does not have.  The spawn step and the new thread's start
 * touch a fresh object then, the spawn releasing the start, so that the
 * explorer's own happens-before also puts the start after the spawn (it
 * gives only new ids a parent). */
#include <string.h>

#include "sched.h"
#include "arch/tls.h"

/* Stack of the test body: 0 for --stack-size; the pthread layer sets the
 * size of a native main thread's stack. */
size_t weft__body_stack_size;

/* Room for weft's own frames below the program's deepest (a scheduling
 * point, a report's formatting): touching the stack below the size the
 * program asked for less this is a stack overflow of the program. */
#define WEFT_FRAMES (16 * 1024)

/* The bottom of t's stack, below the size its program asked for and
 * weft's room: only an overflow touches it (NULL: no size asked). */
static const char *beyond(const struct weft__thread *t)
{
	const struct weft__stack *s = t->stack;

	if (!t->stack_asked)
		return NULL;
	return (const char *)s->base + s->size - s->color - t->stack_asked -
	       WEFT_FRAMES;
}

/* A thread created with a stack smaller than weft gives (the program
 * asked for 64 KiB; weft adds room for its own frames) that used more
 * than it asked for: natively a crash, verified before (the program's
 * large local arrays are no instrumented accesses, so only the pages in
 * memory tell; an instrumented function's entry tells sooner, with its
 * place: weft__stack_beyond). */
void weft__stack_check_end(const struct weft__thread *t)
{
	const char *lim = beyond(t);

	/* (With the room made inaccessible, an overflow into it faulted
	 * already.) */
	if (!lim || weft__stack_protected_below(t->stack, lim))
		return;
	if (weft__stack_touched_below(t->stack, lim))
		weft__fail(WEFT__K(CRASH), NULL,
			   "stack overflow in thread %s: it used more than "
			   "the %zu-byte stack it was created with", t->name,
			   t->stack_asked);
}

static void thread_entry(void *arg)
{
	struct weft__thread *t = arg;
	const char *lim = beyond(t);

	weft__asan_enter();
	/* The room below the size asked for is made inaccessible, once for
	 * a stack its threads share: every thread of the default size has
	 * a size asked, and checking its pages at each end and forgetting
	 * them at each start cost the pthread workload 6%.  Where that
	 * cannot be done, the pages tell (weft__stack_check_end). */
	if (!weft__stack_protect_below(t->stack, lim ? lim : t->stack->base) &&
	    lim)
		weft__stack_forget_below(t->stack, lim);
	/* The thread's first step, its start, is taken now. */
	weft__listeners_step(t->id, &t->startop);
	/* Its spawner waits for this start, which stands for a thread the
	 * system had all along, idle, or for one that sleeps once made (a
	 * kthread): for preemptions the step is the spawner's, whose going
	 * on is none and this thread's running on is one.  It was the other
	 * way round: a deadlock of two works on an ordered queue that needed
	 * no preemption in the kernel needed one here, so
	 * --preemption-bound=0 verified it (the kernel oracle,
	 * tools/oracle/gen_kernel.py). */
	if (t->flags & WEFT__THREAD_AWAITED)
		weft__X->last_tid = t->awaited_by;
	t->fn(t->arg);
	weft__thread_exit_current();
}

/* A finished thread whose exit happens before the current point of
 * creator, or -1. */
static int reusable(const struct weft__thread *creator)
{
	struct weft__exec *X = weft__X;

	if (!creator)
		return -1;
	for (int i = 0; i < X->nthreads; i++) {
		const struct weft__thread *t = &X->th[i];
		if (t->state == TS_DONE && creator->vc[i] >= t->vc[i])
			return i;
	}
	return -1;
}

/* More than WEFT__MAX_THREADS threads: how many of them had ended
 * says why a program that keeps few alive got here (a probe's 300
 * detached threads, started one after another, each ended before the
 * next began): a record is taken over only when its thread's end happens
 * before the spawn, through a join, and nothing orders a detached
 * thread's end. */
static void thread_limit(const struct weft__exec *X)
{
	int done = 0;

	for (int i = 0; i < X->nthreads; i++)
		done += X->th[i].state == TS_DONE;
	weft__limit("thread-limit", NULL,
		    "the test had more than %d threads alive (or finished but "
		    "not joined) at once, weft's limit%s",
		    WEFT__MAX_THREADS,
		    done ? weft__internf(": %d of them had ended, but no join "
					 "ordered their end before this "
					 "spawn (a detached thread's end is "
					 "never ordered), so weft kept their "
					 "records",
					 done)
			 : "");
}

/* The first thread of each record in this execution: a reused record's
 * trace column is labelled "first .. latest", since it holds the steps of
 * every thread that ran in it. */
static const char *column_first[WEFT__MAX_THREADS];

/* A record's clocks are zero beyond the threads any execution has had so
 * far (records start zeroed), so clearing a record clears its clocks only
 * that far: with a few threads, a few bytes instead of two 1 KiB clocks
 * (which showed in the profile of thread creation). */
static void clear_record(struct weft__thread *t, int nthreads)
{
	static int high;

	if (nthreads > high)
		high = nthreads;
	memset(t, 0, offsetof(struct weft__thread, vc));
	memset(t->vc, 0, sizeof t->vc[0] * (size_t)high);
	memset(t->pvc, 0, sizeof t->pvc[0] * (size_t)high);
}

/* Threads created in this execution so far (reset by weft__exec_gen's
 * advance: see weft__thread_serial). */
static uint32_t created, root_children;
static long created_gen = -1;

/* The key a record's thread had in the last execution that made it, with
 * its creation path: most executions create the same threads in the same
 * records, and then no look-up is needed (it showed as 0.5% of the core
 * workload's instructions). */
static struct { int32_t parent, rank, key; } last_key[WEFT__MAX_THREADS];

static int key_of(int id, int parent_key, int rank)
{
	if (last_key[id].key <= 0 || last_key[id].parent != parent_key ||
	    last_key[id].rank != rank)
		last_key[id].key = 1 + weft__thread_key_of(parent_key, rank);
	last_key[id].parent = parent_key;
	last_key[id].rank = rank;
	return last_key[id].key - 1;
}

/* The key of a thread the system has (WEFT__THREAD_SYSTEM) is what it
 * serves, role (a timer, a queue's worker slot, a domain), not its maker:
 * the model makes it for whichever thread needs it first, after a check
 * that is no step, so that maker follows the order of steps the explorer
 * takes for independent, and a wakeup sequence kept with one maker found
 * no thread of its key where the other made it (a review's finding).  A
 * role another thread of this execution holds already falls back to the
 * maker's path. */
static int system_key(int id, uintptr_t role)
{
	uint64_t h = (uint64_t)role * 0x9e3779b97f4a7c15ull;
	int k = key_of(id, -2, (int)(uint32_t)(h >> 32));

	return weft__thread_of_key(k) >= 0 ? -1 : k;
}

static struct weft__thread *new_record(const struct weft__thread *parent,
				       bool *fresh, unsigned flags,
				       uintptr_t role)
{
	struct weft__exec *X = weft__X;
	int id = reusable(parent);
	struct weft__thread *t;

	if (created_gen != weft__exec_gen()) {
		created_gen = weft__exec_gen();
		created = 0;
		root_children = 0;
	}

	*fresh = id < 0;
	if (id >= 0) {
		t = &X->th[id];
		weft__stack_put(t->stack);
	} else {
		if (X->nthreads >= WEFT__MAX_THREADS)
			thread_limit(X);
		id = X->nthreads++;
		t = &X->th[id];
	}
	clear_record(t, X->nthreads);
	t->id = id;
	t->serial = created++;
	t->born = X->nsteps;
	t->key = (flags & WEFT__THREAD_SYSTEM) ? system_key(id, role) : -1;
	if (t->key < 0)
		t->key = key_of(id, parent ? parent->key : -1,
				parent ? (int)X->th[parent->id].nchild++
				       : (int)root_children++);
	weft__thread_key_bind(id);
	return t;
}

static void start_on_stack(struct weft__thread *t, size_t stack_size,
			   bool body)
{
	t->stack = weft__stack_get(stack_size);
	weft__asan_fresh_stack(t->stack->base, t->stack->size);
	weft__ctx_make(&t->ctx, t->stack->base,
		       t->stack->size - t->stack->color, thread_entry, t);
	if (t->stack->tp) {
		weft__tls_thread_init(t->stack->tp, body);
		t->ctx.tp = weft__tls_swapping() ? NULL : t->stack->tp;
	}
}

/* A start the spawn step released: it could not have run before it. */
static bool started(const struct weft__op *op)
{
	(void)op;
	return true;
}

/* Threads of one execution that share a name (the core API names them
 * after their function, a kernel test may start two "reader"s) are
 * numbered from the second on, "worker#2", as the pthread layer numbers
 * its start routines, so that reports tell them apart. */
#define MAX_NAMES 64
struct name_count {
	const char *name;
	int count;
};
static struct name_count names[MAX_NAMES];
static int nnames;

/* Names are mostly the same literal or symbol string again, or differ
 * from the first character: either way no call to strcmp, which showed
 * in the profile of thread creation. */
static bool same_name(const char *a, const char *b)
{
	return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

/* A thread's name as reports show it: at most NAME_MAX_SHOWN bytes, the
 * rest cut with "...".  A start function's name of a thousand characters
 * (generated code) or a long name given to weft_spawn_at was a false
 * "crash: stack overflow" in glibc's formatting of it on the thread's
 * stack (a helper's probe). */
#define NAME_MAX_SHOWN 120

static const char *shown(const char *name)
{
	char buf[NAME_MAX_SHOWN + 4];

	if (strnlen(name, NAME_MAX_SHOWN + 1) <= NAME_MAX_SHOWN)
		return name;
	memcpy(buf, name, NAME_MAX_SHOWN);
	memcpy(buf + NAME_MAX_SHOWN, "...", 4);
	return weft__intern(buf);
}

static const char *numbered(const char *name, bool first_thread)
{
	int i;

	name = shown(name);
	if (first_thread)
		nnames = 0;
	for (i = 0; i < nnames && !same_name(names[i].name, name); i++)
		;
	if (i == nnames) {
		if (nnames == MAX_NAMES)
			return name;
		names[nnames++] = (struct name_count){ name, 0 };
	}
	if (names[i].count++ == 0)
		return name;
	return weft__intern_numbered(name, '#', (size_t)names[i].count);
}

/* Create the thread's record and first context; used for the test body
 * (no spawn step, no parent) and by weft__spawn.  token is the object the
 * spawn step wrote, which the start reads, or NULL. */
static int create(void (*fn)(void *), void *arg, const char *name,
		  unsigned flags, const struct weft__thread *parent,
		  size_t stack_size, const void *token, bool body,
		  uintptr_t role)
{
	struct weft__exec *X = weft__X;
	bool fresh;
	struct weft__thread *t = new_record(parent, &fresh, flags, role);

	t->state = TS_LIVE;
	t->awaited_by = (flags & WEFT__THREAD_AWAITED) ? X->cur : -1;
	t->flags = flags;
	if (t->id < 64)
		X->live_small |= (uint64_t)1 << t->id;
	X->n_work += !(flags & WEFT__THREAD_DAEMON);
	t->name = name ? numbered(name, !parent)
		       : weft__internf("thread%d", t->id);
	t->fn = fn;
	t->arg = arg;
	/* clear_record zeroed the rest of the start op (writing it whole
	 * again cleared its 136 bytes a second time). */
	t->startop.name = "start";
	t->startop.obj = token;
	t->startop.access = token ? WEFT__ACC_READ : WEFT__ACC_NONE;
	t->startop.ready = token ? started : NULL;
	weft__set_pending(X, t, &t->startop);
	if (parent && (flags & WEFT__THREAD_SYSTEM)) {
		/* Only the record's own entries, which go on from the ended
		 * thread's: the creator's other steps are no more ordered
		 * before a system thread than before the thread that was
		 * there all along, and the start, which reads the spawn's
		 * token for the explorer, orders no clock.  (Taking the
		 * clock of whichever thread armed a timer first ordered a
		 * store of that thread's before the handlers of timers
		 * other threads armed: data races were verified.) */
		t->vc[t->id] = parent->vc[t->id];
		t->pvc[t->id] = parent->pvc[t->id];
		t->startop.order = WEFT__ORDER_EXPLICIT;
	} else if (parent) {
		/* Both are zero beyond nthreads (clear_record). */
		memcpy(t->vc, parent->vc, sizeof t->vc[0] * (size_t)X->nthreads);
		memcpy(t->pvc, parent->pvc,
		       sizeof t->pvc[0] * (size_t)X->nthreads);
	}
	if (parent)
		X->th[parent->id].pvc[parent->id]++;
	start_on_stack(t, stack_size, body);
	weft__S->t.nthreads = X->nthreads;
	if (fresh)
		column_first[t->id] = t->name;
	weft__S->t.thread_names[t->id] =
		fresh ? t->name
		      : weft__internf("%s .. %s", column_first[t->id], t->name);
	return t->id;
}

int weft__thread_create(void (*fn)(void *), void *arg, const char *name,
			unsigned flags, const struct weft__thread *parent)
{
	return create(fn, arg, name, flags, parent,
		      parent ? 0 : weft__body_stack_size, NULL, !parent, 0);
}

/* weft__spawn with a stack of stack_size bytes (0: --stack-size), and
 * the object the spawn step releases and the start reads (NULL: one of
 * its own where the record is reused, else none). */
static int spawn_token(void (*fn)(void *), void *arg, const char *name,
		       unsigned flags, size_t stack_size, const void *token,
		       uintptr_t role, const struct weft_loc *loc)
{
	struct weft__exec *X = weft__X;

	if (X->cur < 0) /* from a set-up hook: no step to take */
		return create(fn, arg, name, flags, NULL, stack_size, NULL,
			      false, role);
	if (__builtin_expect(weft__debug_self_crash, 0))
		weft__debug_crash_here(WEFT__SELF_CRASH_SPAWN);
	/* The spawn step changes no clock entry but the creator's own, so a
	 * record reusable after it was reusable before it too.  It releases
	 * the start of a thread in a reused record, so the explorer never
	 * tries to run that start first. */
	weft__S->v.spawned = true;
	if (!token && reusable(&X->th[X->cur]) >= 0)
		token = weft__exec_alloc(1);
	if (token)
		weft__release_point("spawn", token, name, loc);
	else
		weft__point("spawn", NULL, name, WEFT__ACC_NONE, loc);
	return create(fn, arg, name, flags, &X->th[X->cur], stack_size,
		      token, false, role);
}

int weft__spawn_sized(void (*fn)(void *), void *arg, const char *name,
		      unsigned flags, size_t stack_size,
		      const struct weft_loc *loc)
{
	return spawn_token(fn, arg, name, flags, stack_size, NULL, 0, loc);
}

int weft__spawn_on(void (*fn)(void *), void *arg, const char *name,
		   unsigned flags, const void *token,
		   const struct weft_loc *loc)
{
	return spawn_token(fn, arg, name, flags, 0, token, 0, loc);
}

int weft__spawn_system(void (*fn)(void *), void *arg, const char *name,
		       unsigned flags, const void *token, uintptr_t role,
		       const struct weft_loc *loc)
{
	return spawn_token(fn, arg, name, flags | WEFT__THREAD_SYSTEM, 0,
			   token, role, loc);
}

int weft__spawn(void (*fn)(void *), void *arg, const char *name,
		unsigned flags, const struct weft_loc *loc)
{
	return weft__spawn_sized(fn, arg, name, flags, 0, loc);
}

weft_thread_t weft_spawn_at(void (*fn)(void *), void *arg, const char *name,
			    const struct weft_loc *loc)
{
	weft_thread_t t = { weft__spawn(fn, arg, name, 0, loc) };

	weft__frame_arg_escape(arg, t.id);
	return t;
}

weft_thread_t(weft_spawn)(void (*fn)(void *), void *arg)
{
	return weft_spawn_at(fn, arg, weft__symbolize((const void *)fn),
			     NULL);
}
