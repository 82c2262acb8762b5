//! expect: bug exit-status
//! args: --strategy=dfs
/* A test program that says it failed the usual way: a lost update makes
 * the counter 1 in some schedules, and main then returns 1.  Natively
 * that is a failing exit status, not a crash, so nothing else would
 * report it.  exit_status_ok.c adds the counter atomically. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>

static atomic_int counter;

static void *inc(void *arg)
{
	int v = atomic_load(&counter);

	atomic_store(&counter, v + 1);
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
	return 0;
}
