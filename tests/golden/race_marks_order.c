//! needs: pthread
/* Pins the order of a thread's racing accesses drawn between two of its
 * steps: in the source's order.  Thread a writes x, then reads y into z;
 * thread b writes y and reads x.  The races were drawn in the order they
 * were found, a's read of y above its write of x (a probe of SV-COMP
 * tasks): the accesses of one thread between two steps share a clock
 * entry, so their order is not recorded, and the source's is right in
 * straight-line code. */
#include <pthread.h>

int x, y, z; /* not static: the compiler keeps the store to z */

/* Keeps the compiler from merging or reordering the plain accesses. */
#define KEEP_ORDER() __asm__ volatile("" ::: "memory")

static void *a(void *arg)
{
	(void)arg;
	x = 1;
	KEEP_ORDER();
	z = y;
	return NULL;
}

static void *b(void *arg)
{
	(void)arg;
	y = 1;
	KEEP_ORDER();
	return (void *)(long)x;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, NULL, a, NULL);
	pthread_create(&t2, NULL, b, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	return 0;
}
