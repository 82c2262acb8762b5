//! expect: verified
/* A bounded poll (libstdc++ 12's binary_semaphore::try_acquire: a load,
 * a compare-exchange, pauses, then yields, 16 tries in all) against a
 * releaser that adds one and then wakes the futex word.  The bug twin
 * asserts that the poll succeeded; a failed poll is a real outcome
 * (main's tries all run before the releaser does).  weft verified it:
 * the give-up probes (odpor_giveup.c) were kept once per spinner and
 * pending operation, and the first place the fairness bound cut the
 * poller came after the releaser's add (the poller reading the older
 * value), where running it alone succeeds; the cut before the add, where
 * it gives up, was never probed.  A place is now also told by how far
 * the other threads had come.
 * This twin falls back to waiting for the count once its tries are spent,
 * as a correct caller of try_acquire does. */
#include <assert.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdbool.h>
#include <sys/syscall.h>
#include <unistd.h>

static int count;

static bool try_once(void)
{
	int old = __atomic_load_n(&count, __ATOMIC_ACQUIRE);

	if (old == 0)
		return false;
	return __atomic_compare_exchange_n(&count, &old, old - 1, false,
					   __ATOMIC_ACQUIRE, __ATOMIC_RELAXED);
}

static void *releaser(void *arg)
{
	(void)arg;
	__atomic_fetch_add(&count, 1, __ATOMIC_RELEASE);
	syscall(SYS_futex, &count, FUTEX_WAKE_PRIVATE, INT_MAX, 0, 0, 0);
	return NULL;
}

int main(void)
{
	pthread_t t;
	bool ok = false;

	pthread_create(&t, NULL, releaser, NULL);
	for (int i = 0; i < 16 && !ok; i++) {
		ok = try_once();
		if (ok)
			break;
		if (i < 12)
			__builtin_ia32_pause();
		else
			sched_yield();
	}
	pthread_join(t, NULL);
#ifndef GIVE_UP_IS_A_BUG
	if (!ok)
		ok = try_once();
#endif
	assert(ok);
	return 0;
}
