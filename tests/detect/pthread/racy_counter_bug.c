//! expect: bug data-race
//! args: --strategy=dfs
/* Two threads increment a shared counter without a lock: a data race
 * (and a lost update).  The mutex-protected twin is racy_counter_ok.c. */
#include <pthread.h>
#include <stdio.h>

static int counter;

static void *worker(void *arg)
{
	(void)arg;
	counter++;
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("counter = %d\n", counter);
	return 0;
}
