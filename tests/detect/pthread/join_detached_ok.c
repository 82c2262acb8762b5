//! expect: verified
//! args: --strategy=dfs
/* The twin of join_detached_bug.c: the joined thread stays joinable, and
 * the detached one is never joined (nor detached twice). */
#include <pthread.h>
#include <stdio.h>

static void *work(void *arg)
{
	return arg;
}

int main(void)
{
	pthread_t t, d;

	pthread_create(&t, NULL, work, NULL);
	pthread_create(&d, NULL, work, NULL);
	pthread_detach(d);
	printf("join: %d\n", pthread_join(t, NULL));
	return 0;
}
