//! expect: verified
/* t1 holds A and waits for B with a deadline, giving up when it passes;
 * t2 takes B, then A.  The orders differ, but the timed wait cannot hang
 * for ever: no deadlock, and no lock-order finding (a timed lock adds no
 * edge, as a trylock does not).  Its untimed branch took B as a plain
 * lock, and the cycle A -> B -> A was reported on this correct program
 * (with C11's mtx_timedlock and pthread_rwlock_timedwrlock too).
 * timedlock_order_bug takes B with pthread_mutex_lock. */
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static pthread_mutex_t A = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t B = PTHREAD_MUTEX_INITIALIZER;
static int n;

static int take_b(void)
{
#ifdef UNTIMED
	return pthread_mutex_lock(&B);
#else
	struct timespec ts;

	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
	return pthread_mutex_timedlock(&B, &ts);
#endif
}

static void *t1(void *x)
{
	pthread_mutex_lock(&A);
	if (take_b() == 0) {
		n++;
		pthread_mutex_unlock(&B);
	}
	pthread_mutex_unlock(&A);
	return x;
}

static void *t2(void *x)
{
	pthread_mutex_lock(&B);
	pthread_mutex_lock(&A);
	n++;
	pthread_mutex_unlock(&A);
	pthread_mutex_unlock(&B);
	return x;
}

int main(void)
{
	pthread_t x, y;

	pthread_create(&x, NULL, t1, NULL);
	pthread_create(&y, NULL, t2, NULL);
	pthread_join(x, NULL);
	pthread_join(y, NULL);
	printf("%d\n", n);
	return 0;
}
