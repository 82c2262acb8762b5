// A ref in atomic mode counts in one atomic: the put that brings it to
// zero releases it, killed or not.  It is in atomic mode from its init
// with PERCPU_REF_INIT_ATOMIC (atomic_mode_put), or after
// percpu_ref_switch_to_atomic_sync (switched_put).  weft ignored the
// flag and the switch, and reported the correct put to zero
// (percpu_ref_atomic_put_ok.c) as dropping the initial reference of a
// ref that was not killed (found by a probe of percpu_ref).  The bug
// here: the owner drops its reference twice (underflow).
//! expect(atomic_mode_put): bug refcount
//! expect(switched_put): bug refcount
#include <linux/percpu-refcount.h>
#include <linux/slab.h>

static int released;

static void rel(struct percpu_ref *r)
{
	(void)r;
	released = 1;
}

static void user(void *arg)
{
	struct percpu_ref *r = arg;

	percpu_ref_put(r);
}

static void two_puts(struct percpu_ref *r)
{
	weft_thread_t t;

	percpu_ref_get(r);
	t = weft_spawn(user, r);
	percpu_ref_put(r);
#ifndef OK
	percpu_ref_put(r);
#endif
	weft_join(t);
	WARN_ON(!released);
	percpu_ref_exit(r);
	kfree(r);
}

WEFT_TEST(atomic_mode_put)
{
	struct percpu_ref *r = kzalloc(sizeof(*r), GFP_KERNEL);

	percpu_ref_init(r, rel, PERCPU_REF_INIT_ATOMIC, GFP_KERNEL);
	two_puts(r);
}

WEFT_TEST(switched_put)
{
	struct percpu_ref *r = kzalloc(sizeof(*r), GFP_KERNEL);

	percpu_ref_init(r, rel, 0, GFP_KERNEL);
	percpu_ref_switch_to_atomic_sync(r);
	two_puts(r);
}
