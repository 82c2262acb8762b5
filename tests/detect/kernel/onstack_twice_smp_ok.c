// smp_call_on_cpu (kernel/smp.c: wait for the completion, no flush) then
// work_on_cpu (kernel/workqueue.c: INIT_WORK_ONSTACK, flush_work) from the
// same caller: both works sit at the same stack address.  The first work's
// function completes, the caller returns and calls the second, whose flush
// must wait for the second work's function.  Correct kernel code.
// (From a review of the on-stack objects: the first worker's bookkeeping
// after its function was written into the second work, and its flush
// returned at once: a false report.)
//! expect: verified
#include <linux/completion.h>
#include <linux/workqueue.h>

struct sscs {
	struct work_struct work;
	int (*func)(void *);
	void *data;
	int ret;
	struct completion done;
};

static void sscs_fn(struct work_struct *work)
{
	struct sscs *s = container_of(work, struct sscs, work);

	s->ret = s->func(s->data);
	complete(&s->done);
}

static noinline int smp_call(int (*func)(void *), void *par)
{
	struct sscs s = { .func = func, .data = par };

	init_completion(&s.done);
	INIT_WORK_ONSTACK(&s.work, sscs_fn);
	queue_work(system_wq, &s.work);
	wait_for_completion(&s.done);
	destroy_work_on_stack(&s.work);
	return s.ret;
}

struct wfc {
	struct work_struct work;
	int (*fn)(void *);
	void *arg;
	int ret;
	struct completion unused;
};

static void wfc_fn(struct work_struct *work)
{
	struct wfc *w = container_of(work, struct wfc, work);

	w->ret = w->fn(w->arg);
}

static noinline int work_on(int (*fn)(void *), void *arg)
{
	struct wfc w = { .fn = fn, .arg = arg };

	INIT_WORK_ONSTACK(&w.work, wfc_fn);
	queue_work(system_wq, &w.work);
	flush_work(&w.work);
	destroy_work_on_stack(&w.work);
	return w.ret;
}

static int add1(void *p)
{
	return *(int *)p + 1;
}

WEFT_TEST(smp_call_then_work_on_cpu)
{
	int x = 41;

	BUG_ON(smp_call(add1, &x) != 42);
	BUG_ON(work_on(add1, &x) != 42);
}
