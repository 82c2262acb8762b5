// An adaptive lock: try a few times, yielding between tries, then count
// yourself a waiter and sleep on the futex.  The unlock reads the count of
// waiters before it releases the lock, so a locker that registers in
// between sleeps with nobody to wake it: a lost wakeup (deadlock).
// random_solo_spin_ok.c reads the count after the release.  The bug needs
// the waiter to take all its tries while the holder stays off the
// processor; --strategy=random chose uniformly at every step and a try
// that yielded deferred to the holder, so it never did: `pass` after
// 200,000 executions (the exhaustive search's give-up probe found it; a
// probe of lock-free pthread programs).  Random schedules now run one
// thread alone for a while in one execution of eight (src/explore/random.c).
//! expect: bug deadlock
//! args: --strategy=random --iterations=20000
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

#define TRIES 4

static atomic_int locked, waiters;
static int shared;

static int try_lock(void)
{
	int unlocked = 0;

	return atomic_compare_exchange_strong(&locked, &unlocked, 1);
}

static void lock(void)
{
	for (int i = 0; i < TRIES; i++) {
		if (try_lock())
			return;
		sched_yield();
	}
	atomic_fetch_add(&waiters, 1);
	while (!try_lock())
		syscall(SYS_futex, &locked, FUTEX_WAIT_PRIVATE, 1, NULL, NULL,
			0);
	atomic_fetch_sub(&waiters, 1);
}

static void unlock(void)
{
#ifdef FIXED
	atomic_store(&locked, 0);
	if (atomic_load(&waiters))
		syscall(SYS_futex, &locked, FUTEX_WAKE_PRIVATE, 1, NULL, NULL,
			0);
#else
	int w = atomic_load(&waiters);

	atomic_store(&locked, 0);
	if (w)
		syscall(SYS_futex, &locked, FUTEX_WAKE_PRIVATE, 1, NULL, NULL,
			0);
#endif
}

static void *worker(void *arg)
{
	(void)arg;
	for (int k = 0; k < 2; k++) {
		lock();
		shared++;
		unlock();
	}
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return shared == 4 ? 0 : 1;
}
