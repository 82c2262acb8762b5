//! expect: bug assertion
//! args: --strategy=dfs
/* tls_counter_ok.c with the counter a plain global instead of __thread:
 * both threads increment it without a lock, and a thread that checks its
 * count sees the other's increments too.  The report is the failed
 * assertion, with the data race among its findings. */
#include <assert.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>

static int counter;

static void *count(void *arg)
{
	(void)arg;
	for (int i = 0; i < 1000; i++) {
		counter++;
		if (i == 500)
			sched_yield();
	}
	assert(counter == 1000);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, count, NULL);
	pthread_create(&b, NULL, count, (void *)1);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("counter = %d\n", counter);
	return 0;
}
