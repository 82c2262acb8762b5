// Calls that may sleep, made under a spinlock: vfree (vunmap), kthread
// creation (it waits on a completion for kthreadd), kthread_create_worker
// and alloc_workqueue (GFP_KERNEL, a mutex, a kthread), kmem_cache_destroy
// (slab_mutex), percpu_ref_init with GFP_KERNEL (the per-CPU allocator's
// mutex), init_srcu_struct (GFP_KERNEL) and cleanup_srcu_struct
// (flush_delayed_work).  The kernel says "BUG: sleeping function called
// from invalid context"; weft verified them all, as none checked the
// context (found by a probe of kernel-style code).  The twin
// (sleep_under_spin_more_ok.c) makes each call after spin_unlock.
//! expect(vfree_spin): bug misuse
//! expect(kthread_create_spin): bug misuse
//! expect(kthread_run_spin): bug misuse
//! expect(kworker_spin): bug misuse
//! expect(alloc_wq_spin): bug misuse
//! expect(cache_destroy_spin): bug misuse
//! expect(percpu_ref_spin): bug misuse
//! expect(init_srcu_spin): bug misuse
//! expect(cleanup_srcu_spin): bug misuse
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/percpu-refcount.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/srcu.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>

static DEFINE_SPINLOCK(lk);

/* The call is made with lk held, or just after it is dropped (OK). */
#ifdef OK
#define UNDER_LK(call)                                                        \
	do {                                                                  \
		spin_lock(&lk);                                               \
		spin_unlock(&lk);                                             \
		call;                                                         \
	} while (0)
#else
#define UNDER_LK(call)                                                        \
	do {                                                                  \
		spin_lock(&lk);                                               \
		call;                                                         \
		spin_unlock(&lk);                                             \
	} while (0)
#endif

WEFT_TEST(vfree_spin)
{
	void *p = vmalloc(64);

	UNDER_LK(vfree(p));
}

/* It runs until kthread_stop (a thread that returned at once would be
 * gone before the stop). */
static int thread_fn(void *arg)
{
	(void)arg;
	while (!kthread_should_stop())
		cond_resched();
	return 0;
}

WEFT_TEST(kthread_create_spin)
{
	struct task_struct *t;

	UNDER_LK(t = kthread_create(thread_fn, NULL, "t"));
	if (!IS_ERR(t))
		kthread_stop(t);
}

WEFT_TEST(kthread_run_spin)
{
	struct task_struct *t;

	UNDER_LK(t = kthread_run(thread_fn, NULL, "t"));
	if (!IS_ERR(t))
		kthread_stop(t);
}

WEFT_TEST(kworker_spin)
{
	struct kthread_worker *kw;

	UNDER_LK(kw = kthread_create_worker(0, "kw"));
	if (!IS_ERR(kw))
		kthread_destroy_worker(kw);
}

WEFT_TEST(alloc_wq_spin)
{
	struct workqueue_struct *wq;

	UNDER_LK(wq = alloc_workqueue("wq", 0, 0));
	if (wq)
		destroy_workqueue(wq);
}

struct obj {
	int v;
};

WEFT_TEST(cache_destroy_spin)
{
	struct kmem_cache *c = KMEM_CACHE(obj, 0);

	UNDER_LK(kmem_cache_destroy(c));
}

static void ref_release(struct percpu_ref *r)
{
	(void)r;
}

WEFT_TEST(percpu_ref_spin)
{
	struct percpu_ref r;
	int err;

	UNDER_LK(err = percpu_ref_init(&r, ref_release, 0, GFP_KERNEL));
	if (!err)
		percpu_ref_exit(&r);
}

WEFT_TEST(init_srcu_spin)
{
	static struct srcu_struct s;
	int err;

	UNDER_LK(err = init_srcu_struct(&s));
	if (!err)
		cleanup_srcu_struct(&s);
}

WEFT_TEST(cleanup_srcu_spin)
{
	static struct srcu_struct s;

	WARN_ON(init_srcu_struct(&s));
	UNDER_LK(cleanup_srcu_struct(&s));
}
