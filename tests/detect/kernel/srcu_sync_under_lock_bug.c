// synchronize_srcu() under a mutex an SRCU reader takes: the grace
// period waits for the reader, the reader for the mutex (the shape of
// KVM's kvm->lock / kvm->srcu inversions).  The fix drops the mutex
// before synchronize_srcu().
//! expect: bug deadlock
#include <linux/srcu.h>
#include <linux/mutex.h>
#include <linux/kthread.h>
#include <linux/slab.h>

DEFINE_STATIC_SRCU(kvm_srcu);
static DEFINE_MUTEX(kvm_lock);
static int *memslots;

static int vcpu_run(void *arg)
{
	int idx = srcu_read_lock(&kvm_srcu);
	int *s = srcu_dereference(memslots, &kvm_srcu);

	(void)arg;
	mutex_lock(&kvm_lock);
	if (s)
		(void)READ_ONCE(*s);
	mutex_unlock(&kvm_lock);
	srcu_read_unlock(&kvm_srcu, idx);
	return 0;
}

WEFT_TEST(set_memslots)
{
	struct task_struct *t;
	int *old, *new = kzalloc(sizeof(int), GFP_KERNEL);

	rcu_assign_pointer(memslots, kzalloc(sizeof(int), GFP_KERNEL));
	t = kthread_create(vcpu_run, NULL, "vcpu");
	get_task_struct(t);
	wake_up_process(t);
	mutex_lock(&kvm_lock);
	old = rcu_dereference_protected(memslots, 1);
	rcu_assign_pointer(memslots, new);
#ifdef FIXED
	mutex_unlock(&kvm_lock);
	synchronize_srcu(&kvm_srcu);
#else
	synchronize_srcu(&kvm_srcu);
	mutex_unlock(&kvm_lock);
#endif
	kfree(old);
	kthread_stop(t);
	put_task_struct(t);
	kfree(new);
}
