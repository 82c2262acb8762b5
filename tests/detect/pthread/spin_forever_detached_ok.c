//! expect: verified
/* A detached thread that loops for ever (a jump to itself) while main
 * prints and returns: natively the process ends with main, and the loop
 * with it.  Before the watchdog's probe parked the spinner, the first
 * execution never came back from it: inconclusive after 65 s. */
#include <pthread.h>
#include <stdio.h>

static void *spinner(void *arg)
{
	(void)arg;
	for (;;)
		;
	return NULL;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, spinner, NULL);
	pthread_detach(t);
	printf("bye\n");
	return 0;
}
