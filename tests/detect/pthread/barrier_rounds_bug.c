//! expect: bug data-race
//! args: --preemption-bound=0
/* A writes x and B reads it between the same two waits on a barrier: a
 * race in every schedule.  In the schedule without a preemption B runs
 * on after the first wait and arrives for the second round before A
 * leaves the first; A's leave joined the barrier's clock, B's arrival in
 * it, and the write looked ordered after the read: "verified with at
 * most 0 preemptions" (a probe).  A leave now acquires its own round's
 * clock.  The twin writes x before the first wait. */
#include <pthread.h>
#include <stdio.h>

static pthread_barrier_t bar;
static int x;
static int seen;

static void *A(void *arg)
{
	(void)arg;
#ifdef OK
	x = 1;
	pthread_barrier_wait(&bar);
#else
	pthread_barrier_wait(&bar);
	x = 1;
#endif
	pthread_barrier_wait(&bar);
	return NULL;
}

static void *B(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&bar);
	seen = x;
	pthread_barrier_wait(&bar);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_barrier_init(&bar, NULL, 2);
	pthread_create(&a, NULL, A, NULL);
	pthread_create(&b, NULL, B, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("%d\n", seen);
	return 0;
}
