// Kernel code calls value-returning operations as statements
// (`atomic_inc_return(&v);`, `test_and_set_bit(n, &w);`,
// `wait_for_completion_interruptible(&c);`): it must compile under
// -Wall -Werror as it does in the kernel, where these are functions (a
// cast or a comparison whose value is unused was an error here).  Two
// threads set bits of one word with the atomic test_and_set_bit:
// verified.  The bug twin's helper uses the non-atomic
// __test_and_set_bit on the same word: a bit is lost.
//! expect: verified
//! args: --strategy=dfs
#include <linux/atomic.h>
#include <linux/bitops.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/refcount.h>

static atomic_t a = ATOMIC_INIT(0);
static atomic64_t a64;
static atomic_long_t al;
static unsigned long bits;
static refcount_t rc = REFCOUNT_INIT(2);
static DECLARE_COMPLETION(done);
static DECLARE_COMPLETION(go);

/* The interruptible wait as a statement is the helper's: a kthread takes
 * no user's signal, which the test's own thread may (its wait could end
 * early, and the stop come before the helper ran). */
static int helper(void *arg)
{
	(void)arg;
#ifdef RESULTS_IGNORED_BUG
	__test_and_set_bit(3, &bits);
#else
	test_and_set_bit(3, &bits);
#endif
	atomic_inc_return(&a);
	wait_for_completion_interruptible(&go);
	complete(&done);
	return 0;
}

WEFT_TEST(results_ignored)
{
	struct task_struct *t = kthread_create(helper, NULL, "helper");
	get_task_struct(t);
	wake_up_process(t);

	test_and_set_bit(1, &bits);
	test_and_clear_bit(1, &bits);
	test_and_change_bit(2, &bits);
	atomic_add_return(2, &a);
	atomic_sub_return(1, &a);
	atomic_fetch_add(1, &a);
	atomic_fetch_sub(1, &a);
	atomic_fetch_inc(&a);
	atomic_fetch_dec(&a);
	atomic64_xchg(&a64, 1);
	atomic_cmpxchg(&a, -100, 0);
	atomic_inc_return_relaxed(&a);
	atomic_dec_return_relaxed(&a);
	atomic_add_unless(&a, 1, -100);
	atomic_dec_return(&a);
	atomic_inc_not_zero(&a);
	atomic_dec_return(&a);
	atomic64_inc_return(&a64);
	atomic64_dec_and_test(&a64);
	atomic_long_inc_return(&al);
	atomic_long_dec_and_test(&al);
	refcount_dec_and_test(&rc);
	complete(&go);
	wait_for_completion(&done);
	completion_done(&done);
	try_wait_for_completion(&done);
	kthread_stop(t);
	put_task_struct(t);
	WARN_ON(atomic_read(&a) != 2);
	WARN_ON(!test_bit(2, &bits) || !test_bit(3, &bits));
}
