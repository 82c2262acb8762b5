//! expect: bug use-after-free
/* main parses a number from a buffer a worker frees: strtol reads freed
 * memory.  The C library's conversions are not instrumented; weft checks
 * the bytes they read.  Before, this was verified.  strtol_freed_ok.c
 * frees the buffer after the join. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static char *text;

static void *worker(void *arg)
{
	(void)arg;
#ifndef OK
	free(text);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t;
	long v;

	text = malloc(16);
	strcpy(text, "42 apples");
	pthread_create(&t, NULL, worker, NULL);
	v = strtol(text, NULL, 10) + atoi(text);
	pthread_join(t, NULL);
#ifdef OK
	free(text);
#endif
	return v == 84 ? 0 : 1;
}
