//! needs: pthread
/* Pins the report of a wait for a mutex whose owner finished without
 * unlocking it (SCTBench's phase01_bad): the owner's end is the cause,
 * and the report says so, where it read like one link of a cycle. */
#include <pthread.h>

static pthread_mutex_t x = PTHREAD_MUTEX_INITIALIZER;

static void *locker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&x);
	return NULL; /* without unlocking x */
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, locker, NULL);
	pthread_create(&b, NULL, locker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
