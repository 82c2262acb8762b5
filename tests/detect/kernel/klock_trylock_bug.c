// A kernel mutex_trylock or spin_trylock that succeeds in the first
// schedule, after the two threads synchronised (a completion, or
// kthread_run's start), was never tried after the other thread's
// blocking lock: its failure branch was never run, and these were
// verified in 1 to 4 schedules.  klock_trylock_ok.c handles the failure.
//! expect(mutex_trylock_after_completion): bug assertion
//! expect(spin_trylock_after_completion): bug assertion
//! expect(kthread_trylock): bug assertion
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>

static DEFINE_MUTEX(A);
static DEFINE_SPINLOCK(S);
static DECLARE_COMPLETION(started);
int failed;

#ifdef KLOCK_TRYLOCK_OK
#define ON_FAILURE() (failed++)
#else
#define ON_FAILURE() weft_assert(!"the trylock failed")
#endif

static void try_mutex(void *arg)
{
	(void)arg;
	complete(&started);
	if (!mutex_trylock(&A)) {
		ON_FAILURE();
		return;
	}
	mutex_unlock(&A);
}

WEFT_TEST(mutex_trylock_after_completion)
{
	weft_thread_t t = weft_spawn(try_mutex, NULL);

	wait_for_completion(&started);
	mutex_lock(&A);
	mutex_unlock(&A);
	weft_join(t);
}

static void try_spin(void *arg)
{
	(void)arg;
	complete(&started);
	if (!spin_trylock(&S)) {
		ON_FAILURE();
		return;
	}
	spin_unlock(&S);
}

WEFT_TEST(spin_trylock_after_completion)
{
	weft_thread_t t = weft_spawn(try_spin, NULL);

	wait_for_completion(&started);
	spin_lock(&S);
	spin_unlock(&S);
	weft_join(t);
}

static int try_kthread(void *arg)
{
	(void)arg;
	if (!mutex_trylock(&A)) {
		ON_FAILURE();
		return 0;
	}
	mutex_unlock(&A);
	return 0;
}

WEFT_TEST(kthread_trylock)
{
	struct task_struct *t = kthread_create(try_kthread, NULL, "k");
	get_task_struct(t);
	wake_up_process(t);

	mutex_lock(&A);
	mutex_unlock(&A);
	kthread_stop(t);
	put_task_struct(t);
}
