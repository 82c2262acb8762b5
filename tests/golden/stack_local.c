//! needs: pthread
/* Pins the name of an unnamed object on a thread's stack in a race
 * report: main passes the address of its loop variable to every thread
 * (SCTBench's indexer_ok); the race is on "memory@1 on stack_local's
 * stack", where it was on "memory@1". */
#include <pthread.h>

static void *worker(void *arg)
{
	int tid = *(volatile int *)arg;

	(void)tid;
	return NULL;
}

int main(void)
{
	pthread_t t[2];
	int arg;

	for (int i = 0; i < 2; i++) {
		arg = i;
		pthread_create(&t[i], NULL, worker, &arg);
	}
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	return 0;
}
