//! needs: pthread
/* Pins the report of a thread that calls abort(): the message names the
 * thread, and its call is drawn in its column, "[here]".  The report said
 * "the program called abort()", and a thread whose only act it was had
 * no column (a probe of awkward programs). */
#include <pthread.h>
#include <stdlib.h>

static void *checker(void *arg)
{
	if (!arg)
		abort();
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, checker, NULL);
	pthread_join(t, NULL);
	return 0;
}
