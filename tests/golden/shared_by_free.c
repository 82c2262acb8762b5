//! needs: pthread
/* Pins a verdict with no "no shared access was seen" note where the only
 * sharing is a block main allocates and a detached thread frees: the
 * note said no shared access was seen (a probe of the command line). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static void *logger(void *a)
{
	size_t n = strlen(a);

	free(a);
	return (void *)n;
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, NULL, logger, strdup("hello\n"));
	pthread_detach(t);
	return 0;
}
