// onstack_bug's functions cancel or flush their work before returning,
// so nothing uses their frames afterwards; twice_in_a_row declares a
// completion at the same place in two calls, each completed by a work
// before its wait: a new object each time, not a use of the old one.
// From a review: smp_call_on_cpu_pattern returns once its on-stack
// work's function completed it (the work is not touched after its
// function, in the kernel as here); vla_set_up_by_helper's completions
// lie in a variable-length array of the caller, set up by a helper (they
// were taken for the helper's and died with it); later_locals_reuse's
// next call has atomics and a mutex of its own where the dead completion
// was (each reported as a use of the dead one).
//! expect(completion_after_timeout): verified
//! expect(work_not_flushed): verified
//! expect(waitq_after_timeout): verified
//! expect(twice_in_a_row): verified
//! expect(inlined_completion): verified
//! expect(smp_call_on_cpu_pattern): verified
//! expect(smp_call_then_work_on_cpu): verified
//! expect(vla_set_up_by_helper): verified
//! expect(later_locals_reuse): verified
#define FIXED
#include "onstack_bug.c"

static noinline void one_round(void)
{
	DECLARE_COMPLETION_ONSTACK(done);

	R.done = &done;
	INIT_WORK(&R.w, complete_fn);
	schedule_work(&R.w);
	wait_for_completion(&done);
	flush_work(&R.w);
}

WEFT_TEST(twice_in_a_row)
{
	one_round();
	one_round();
}

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

static int add1(void *p)
{
	return *(int *)p + 1;
}

static noinline int call_on_wq(int (*func)(void *), void *par)
{
	struct sscs s = { .func = func, .data = par };

	init_completion(&s.done);
	INIT_WORK_ONSTACK(&s.work, sscs_fn);
	queue_work(system_wq, &s.work);
	wait_for_completion(&s.done);
	destroy_work_on_stack(&s.work);
	return s.ret;
}

WEFT_TEST(smp_call_on_cpu_pattern)
{
	int x = 41;

	BUG_ON(call_on_wq(add1, &x) != 42);
}

/* work_on_cpu (kernel/workqueue.c: INIT_WORK_ONSTACK, flush_work) after
 * smp_call_on_cpu from the same caller: both works sit at one stack
 * address.  The first worker's bookkeeping after its function was
 * written into the second work, and its flush returned at once: a false
 * report (a second review of the on-stack objects). */
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

WEFT_TEST(smp_call_then_work_on_cpu)
{
	int x = 41;

	BUG_ON(call_on_wq(add1, &x) != 42);
	BUG_ON(work_on(add1, &x) != 42);
}

struct job {
	struct work_struct w;
	struct completion done;
};

static void job_fn(struct work_struct *w)
{
	complete(&container_of(w, struct job, w)->done);
}

static noinline void job_setup(struct job *j)
{
	init_completion(&j->done);
	INIT_WORK(&j->w, job_fn);
}

static noinline void run_jobs(int n)
{
	struct job jobs[n];

	for (int i = 0; i < n; i++) {
		job_setup(&jobs[i]);
		schedule_work(&jobs[i].w);
	}
	for (int i = 0; i < n; i++) {
		wait_for_completion(&jobs[i].done);
		flush_work(&jobs[i].w);
	}
}

static volatile int njobs = 1;

WEFT_TEST(vla_set_up_by_helper)
{
	run_jobs(njobs);
}

static noinline void later_call(void)
{
	atomic_t counts[16];
	struct mutex m;

	mutex_init(&m);
	for (int i = 0; i < 16; i++)
		atomic_set(&counts[i], i);
	mutex_lock(&m);
	for (int i = 0; i < 16; i++)
		atomic_inc(&counts[i]);
	mutex_unlock(&m);
}

WEFT_TEST(later_locals_reuse)
{
	one_round();
	later_call();
}
