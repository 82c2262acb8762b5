// Two threads (two CPUs) each queue an RCU callback, and the callbacks
// update one plain counter.  The kernel runs each CPU's callbacks on that
// CPU (its RCU softirq or rcuo kthread), so callbacks queued on two CPUs
// run at the same time: a data race.  weft ran a domain's callbacks on
// one thread, one after another, and verified both tests (found by a
// probe of RCU bugs); each CPU now has a callback thread of its own.
// rcu_cb_cpus_ok.c counts with atomic_inc in the first, and queues both
// SRCU callbacks from one thread in the second: one CPU's callbacks still
// run in the order queued.
//! expect: bug data-race
#include <linux/atomic.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/srcu.h>

struct obj {
	struct rcu_head rh;
	int v;
};

#ifdef OK
static atomic_t freed = ATOMIC_INIT(0);
#else
static int freed;
#endif

static void free_obj(struct rcu_head *h)
{
	kfree(container_of(h, struct obj, rh));
#ifdef OK
	atomic_inc(&freed);
#else
	freed++;
#endif
}

static void release(void *arg)
{
	struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);

	(void)arg;
	call_rcu(&o->rh, free_obj);
}

WEFT_TEST(rcu_cb_cpus)
{
	weft_thread_t a = weft_spawn(release, NULL);
	weft_thread_t b = weft_spawn(release, NULL);

	weft_join(a);
	weft_join(b);
	rcu_barrier();
}

DEFINE_STATIC_SRCU(obj_srcu);
static int nsrcu;

static void srcu_free_obj(struct rcu_head *h)
{
	kfree(container_of(h, struct obj, rh));
	nsrcu++;
}

static void srcu_release(void *arg)
{
	int n = arg ? 2 : 1;

	for (int i = 0; i < n; i++) {
		struct obj *o = kzalloc(sizeof *o, GFP_KERNEL);
		call_srcu(&obj_srcu, &o->rh, srcu_free_obj);
	}
}

#ifdef OK
static void srcu_reader(void *arg)
{
	int idx = srcu_read_lock(&obj_srcu);

	(void)arg;
	srcu_read_unlock(&obj_srcu, idx);
}
#endif

WEFT_TEST(srcu_cb_cpus)
{
#ifdef OK
	weft_thread_t a = weft_spawn(srcu_release, &nsrcu);
	weft_thread_t b = weft_spawn(srcu_reader, NULL);
#else
	weft_thread_t a = weft_spawn(srcu_release, NULL);
	weft_thread_t b = weft_spawn(srcu_release, NULL);
#endif

	weft_join(a);
	weft_join(b);
	srcu_barrier(&obj_srcu);
}
