// A kthread that exits (returns from its function, or calls kthread_exit)
// with interrupts, preemption or softirqs left disabled: do_exit runs in
// a leaked atomic context (the kernel: "note: ... exited with irqs
// disabled", "exited with preempt_count").  The same leak in a work was
// reported (context_leak_bug.c), as a kthread's exit holding a spinlock
// or inside rcu_read_lock was; these were verified (a helper's probe).
// kthread_exit_ctx_ok.c gives each back before it exits.
//! expect(kthread_exit_irqs_off): bug misuse
//! expect(kthread_exit_preempt_off): bug misuse
//! expect(kthread_exit_bh_off): bug misuse
//! expect(kthread_exit_call_irqsave): bug misuse
#include <linux/bottom_half.h>
#include <linux/irqflags.h>
#include <linux/kthread.h>
#include <linux/preempt.h>

#ifdef OK
#define GIVE_BACK(x) x
#else
#define GIVE_BACK(x) ((void)0)
#endif

static int k_irq(void *a)
{
	(void)a;
	local_irq_disable();
	GIVE_BACK(local_irq_enable());
	return 0;
}
static int k_preempt(void *a)
{
	(void)a;
	preempt_disable();
	GIVE_BACK(preempt_enable());
	return 0;
}
static int k_bh(void *a)
{
	(void)a;
	local_bh_disable();
	GIVE_BACK(local_bh_enable());
	return 0;
}
/* kthread_exit from within the function, irqsave's flags not restored. */
static int k_exit(void *a)
{
	unsigned long flags;

	(void)a;
	local_irq_save(flags);
	GIVE_BACK(local_irq_restore(flags));
	(void)flags;
	kthread_exit(0);
}

static void run(int (*fn)(void *))
{
	struct task_struct *t = kthread_create(fn, NULL, "k");

	get_task_struct(t);
	wake_up_process(t);
	kthread_stop(t);
	put_task_struct(t);
}

WEFT_TEST(kthread_exit_irqs_off) { run(k_irq); }
WEFT_TEST(kthread_exit_preempt_off) { run(k_preempt); }
WEFT_TEST(kthread_exit_bh_off) { run(k_bh); }
WEFT_TEST(kthread_exit_call_irqsave) { run(k_exit); }
