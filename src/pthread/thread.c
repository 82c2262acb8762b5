/* src/pthread/thread.c - pthread threads as weft test threads.
 *
 * A pthread_t is the test thread's id + 1, so the test body (main) is 1 and
 * 0 is never a valid thread.  The start routine's return value and the
 * detach state live in a per-execution table indexed by thread id.
 * Creation orders everything the creator did before it; a join orders
 * everything the joined thread did (the core's clocks). */
#include <errno.h>
#include <sched.h>
#include <string.h>

#include "pthread/pt.h"

struct slot {
	void *(*start)(void *);
	void *arg;
	void *ret;
	bool detached, joined;
};
static struct slot slots[WEFT__MAX_THREADS];

static void trampoline(void *p)
{
	struct slot *s = p;
	void *ret = s->start(s->arg);

	s->ret = ret;
	weft__pt_keys_thread_exit(weft__self());
}

/* The trace column of a thread is its start routine's name, numbered when
 * several threads run the same routine. */
static const char *thread_name(void *(*start)(void *))
{
	const struct weft_loc *l = weft__pc_loc((uintptr_t)start + 1);
	const char *fn = l->func ? l->func : "thread";
	int same = 0;

	for (int i = 0; i < WEFT__MAX_THREADS; i++)
		if (slots[i].start == start)
			same++;
	return same ? weft__internf("%s#%d", fn, same + 1) : weft__intern(fn);
}

/* Not blocking; a scheduling point.  The creator's past happens before the
 * new thread starts. */
int __weft_pthread_create(pthread_t *th, const pthread_attr_t *attr,
			  void *(*start)(void *), void *arg)
{
	struct slot *s;
	int det = PTHREAD_CREATE_JOINABLE, tid;

	if (!weft__pt_live())
		return pthread_create(th, attr, start, arg);
	if (attr)
		pthread_attr_getdetachstate(attr, &det);
	s = weft__exec_alloc(sizeof *s);
	s->start = start;
	s->arg = arg;
	tid = weft__spawn(trampoline, s, thread_name(start), 0, PT_LOC());
	slots[tid] = *s;
	slots[tid].detached = det == PTHREAD_CREATE_DETACHED;
	/* The new thread has not run yet (it needs a scheduling point), so
	 * it reads its start routine from the copy in slots[]. */
	*s = slots[tid];
	*th = PT_ID(tid);
	return 0;
}

static struct slot *slot_of(pthread_t t)
{
	if (t < 1 || t > (pthread_t)weft__nthreads())
		return NULL;
	return &slots[t - 1];
}

/* Blocks until the thread ends; everything it did happens before. */
int __weft_pthread_join(pthread_t t, void **ret)
{
	struct slot *s;

	if (!weft__pt_live())
		return pthread_join(t, ret);
	s = slot_of(t);
	if (!s)
		return ESRCH;
	if (t == PT_ID(weft__self()))
		return EDEADLK;
	if (s->detached)
		return EINVAL;
	weft_join_at((weft_thread_t){ (int)t - 1 }, PT_LOC());
	s->joined = true;
	if (ret)
		*ret = s->ret;
	return 0;
}

/* Never blocks; not a scheduling point. */
int __weft_pthread_detach(pthread_t t)
{
	struct slot *s;

	if (!weft__pt_live())
		return pthread_detach(t);
	s = slot_of(t);
	if (!s)
		return ESRCH;
	if (s->detached)
		return EINVAL;
	s->detached = true;
	return 0;
}

void __weft_pthread_exit(void *ret)
{
	int self;

	if (!weft__pt_live())
		pthread_exit(ret);
	self = weft__self();
	slots[self].ret = ret;
	weft__pt_keys_thread_exit(self);
	weft__thread_exit_current();
}

pthread_t __weft_pthread_self(void)
{
	if (!weft__pt_live())
		return pthread_self();
	return PT_ID(weft__self());
}

int __weft_pthread_equal(pthread_t a, pthread_t b)
{
	return a == b;
}

/* Never blocks; a scheduling point where other threads may run. */
int __weft_sched_yield(void)
{
	if (!weft__pt_live())
		return sched_yield();
	weft_yield_at(PT_LOC());
	return 0;
}

int __weft_pthread_yield(void)
{
	return __weft_sched_yield();
}

/* Cancellation cannot be modelled faithfully (asynchronous cancellation
 * points everywhere in libc), so it is named clearly instead. */
int __weft_pthread_cancel(pthread_t t)
{
	(void)t;
	if (!weft__pt_live())
		return ENOSYS;
	weft__limit("unsupported: pthread_cancel", PT_LOC(),
		    "pthread_cancel is not supported by weft");
}

int __weft_pthread_setname_np(pthread_t t, const char *name)
{
	(void)t;
	(void)name;
	return 0;
}

static void thread_begin(void)
{
	memset(slots, 0, sizeof slots);
}

static struct weft__hooks hooks = { thread_begin, NULL, NULL };

__attribute__((constructor)) static void thread_init(void)
{
	weft__register_hooks(&hooks);
}
