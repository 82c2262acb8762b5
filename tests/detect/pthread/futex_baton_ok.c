//! expect: verified
//! args: --strategy=dfs --preemption-bound=3
/* A timed waiter W1 that is woken (returns 0) passes the
 * wake on; if it timed out, the kernel did not choose it, so main's
 * single wake went to W2.  The kernel picks a waiter and dequeues it in
 * one atomic step: a waiter chosen by a wake returns 0 even if its
 * timeout fired at the same moment.  weft chose among the waiters the
 * wake saw in a step of its own, in which W1 could time out and still be
 * chosen: the wake was lost and W2 slept for good (a false deadlock). */
#include <errno.h>
#include <linux/futex.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static atomic_uint w;

static long fwait(const struct timespec *ts)
{
	return syscall(SYS_futex, &w, FUTEX_WAIT_PRIVATE, 0, ts, NULL, 0);
}
static void fwake(int n)
{
	syscall(SYS_futex, &w, FUTEX_WAKE_PRIVATE, n, NULL, NULL, 0);
}

static void *w1(void *a)
{
	struct timespec ts = { 0, 1000000 };
	(void)a;
	if (fwait(&ts) == 0)
		fwake(1);          /* maybe a wake meant for W2: pass it on */
	return NULL;
}

static void *w2(void *a)
{
	(void)a;
	while (atomic_load(&w) == 0)
		fwait(NULL);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	pthread_create(&a, NULL, w1, NULL);
	pthread_create(&b, NULL, w2, NULL);
	atomic_store(&w, 1);
	fwake(1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
