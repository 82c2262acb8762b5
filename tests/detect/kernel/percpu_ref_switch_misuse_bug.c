// Two mistakes the kernel catches around percpu_ref's switch to atomic
// mode, which weft could not see while it ran the release inside the
// kill (found by a probe of percpu_ref):
// exit_during_switch: the owner kills the ref and exits it at once; the
// switch's RCU callback has not run, so percpu_ref_exit warns ("switching
// in progress") and the callback then uses the freed counters.  The twin
// waits for the release first.
// reinit_without_allow: a ref made without PERCPU_REF_ALLOW_REINIT frees
// its per-CPU counters when its switch ends, and its percpu_ref_reinit
// BUGs.  The twin makes it with the flag.
// Correct twins: percpu_ref_switch_misuse_ok.c.
//! expect(exit_during_switch): bug misuse
//! expect(reinit_without_allow): bug misuse
#include <linux/completion.h>
#include <linux/percpu-refcount.h>
#include <linux/slab.h>

struct obj {
	struct percpu_ref ref;
	struct completion released;
};

static void obj_release(struct percpu_ref *ref)
{
	complete(&container_of(ref, struct obj, ref)->released);
}

static struct obj *obj_new(unsigned flags)
{
	struct obj *o = kzalloc(sizeof(*o), GFP_KERNEL);

	init_completion(&o->released);
	percpu_ref_init(&o->ref, obj_release, flags, GFP_KERNEL);
	return o;
}

WEFT_TEST(exit_during_switch)
{
	struct obj *o = obj_new(0);

	percpu_ref_kill(&o->ref);
#ifdef OK
	wait_for_completion(&o->released);
#endif
	percpu_ref_exit(&o->ref);
#ifndef OK
	/* (The callback still runs: wait for it before the memory goes.) */
	rcu_barrier();
#endif
	kfree(o);
}

WEFT_TEST(reinit_without_allow)
{
#ifdef OK
	struct obj *o = obj_new(PERCPU_REF_ALLOW_REINIT);
#else
	struct obj *o = obj_new(0);
#endif

	percpu_ref_kill(&o->ref);
	wait_for_completion(&o->released);
	reinit_completion(&o->released);
	percpu_ref_reinit(&o->ref);
	percpu_ref_get(&o->ref);
	percpu_ref_put(&o->ref);
	percpu_ref_kill(&o->ref);
	wait_for_completion(&o->released);
	percpu_ref_exit(&o->ref);
	kfree(o);
}
