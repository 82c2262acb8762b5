//! expect: inconclusive
/* A compute loop with no cancellation point, cancelled asynchronously
 * (async-cancel-safe, and correct natively).  weft models deferred
 * cancellation only: the loop, which weft cannot interrupt, hung the
 * search until the time limit, and the verdict was `time-limit`.  Asking
 * for asynchronous cancellation in a program that cancels threads is
 * `unsupported: asynchronous cancellation` at the call, at once
 * (tests/cli/unsupported_reasons.sh checks the reason and the time). */
#include <pthread.h>

static void *spin(void *arg)
{
	volatile unsigned long x = 0;

	(void)arg;
	pthread_setcanceltype(PTHREAD_CANCEL_ASYNCHRONOUS, NULL);
	for (;;)
		x++;
	return NULL;
}

int main(void)
{
	pthread_t t;
	void *r;

	pthread_create(&t, NULL, spin, NULL);
	pthread_cancel(t);
	pthread_join(t, &r);
	return r == PTHREAD_CANCELED ? 0 : 1;
}
