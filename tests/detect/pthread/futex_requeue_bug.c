//! expect: bug deadlock
/* A condition variable on futexes whose broadcast wakes one waiter and
 * requeues the others onto the mutex's word (FUTEX_CMP_REQUEUE), the way
 * musl's and old glibc's did.  The woken waiter takes the mutex by the
 * fast path, leaving the word at 1 ("no waiters"), so its unlock wakes
 * nobody and the requeued waiter sleeps for ever: the classic lost
 * wake-up of requeueing.  futex_requeue_ok.c takes the mutex after a
 * wait as contended (state 2), so the unlock wakes the next.  FUTEX_
 * REQUEUE and FUTEX_CMP_REQUEUE were inconclusive (unsupported: futex
 * operation 3), a probe of sysprog21's futex mutex. */
#define _GNU_SOURCE
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <unistd.h>

static atomic_uint m, seq;
static int ready;

static void fwait(atomic_uint *w, unsigned v)
{
	syscall(SYS_futex, w, FUTEX_WAIT_PRIVATE, v, NULL, NULL, 0);
}

static void lock_contended(void)
{
	while (atomic_exchange(&m, 2) != 0)
		fwait(&m, 2);
}

static void lock(void)
{
	unsigned z = 0;

	if (!atomic_compare_exchange_strong(&m, &z, 1))
		lock_contended();
}

static void unlock(void)
{
	if (atomic_exchange(&m, 0) == 2)
		syscall(SYS_futex, &m, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
}

static void cond_wait(void)
{
	unsigned s = atomic_load(&seq);

	unlock();
	fwait(&seq, s);
#ifdef OK
	lock_contended();
#else
	lock();
#endif
}

static void cond_broadcast(void)
{
	unsigned s = atomic_fetch_add(&seq, 1) + 1;

	syscall(SYS_futex, &seq, FUTEX_CMP_REQUEUE_PRIVATE, 1, INT_MAX, &m, s);
}

static void *waiter(void *p)
{
	(void)p;
	lock();
	while (!ready)
		cond_wait();
	unlock();
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, waiter, NULL);
	pthread_create(&b, NULL, waiter, NULL);
	lock();
	ready = 1;
	cond_broadcast();
	unlock();
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
