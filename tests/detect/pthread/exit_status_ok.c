//! expect: verified
//! args: --strategy=dfs
/* The twin of exit_status_bug.c: the increment is one atomic step, so
 * main never sees a lost update; its exit(0) is a clean end, as a
 * return of 0 is. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>

static atomic_int counter;

static void *inc(void *arg)
{
	atomic_fetch_add(&counter, 1);
	return arg;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, inc, NULL);
	pthread_create(&b, NULL, inc, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	if (atomic_load(&counter) != 2) {
		printf("FAIL: counter is %d\n", atomic_load(&counter));
		return 1;
	}
	exit(0);
}
