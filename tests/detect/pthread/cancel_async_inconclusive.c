//! expect: inconclusive
/* Asynchronous cancellation may act between any two instructions, which
 * weft does not model: a request the target would act on that way ends
 * the execution as inconclusive, never as a verdict on the program. */
#include <pthread.h>

static volatile int spin = 1;

static void *worker(void *arg)
{
	(void)arg;
	pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
	while (spin)
		pthread_testcancel();
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	pthread_join(t, NULL);
	return 0;
}
