//! needs: pthread
/* Pins the load-buffering caveat on a cycle of relaxed read-modify-writes:
 * 2+2W with exchanges on two locations.  The outcome x == 1 && y == 1
 * needs each exchange to read the other thread's later one (a cycle of
 * program order and reads-from), which C11 allows and weft does not
 * explore (RC11 forbids it).  Two RMWs of one location are no 2+2W case
 * (golden/rmw_order), so the caveat here is load buffering's: a relaxed
 * RMW's read counts as a relaxed load (it had none: a review's probe). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int x, y;

static void *t1(void *p)
{
	(void)p;
	atomic_exchange_explicit(&x, 1, memory_order_relaxed);
	atomic_exchange_explicit(&y, 2, memory_order_relaxed);
	return NULL;
}

static void *t2(void *p)
{
	(void)p;
	atomic_exchange_explicit(&y, 1, memory_order_relaxed);
	atomic_exchange_explicit(&x, 2, memory_order_relaxed);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(!(atomic_load(&x) == 1 && atomic_load(&y) == 1));
	return 0;
}
