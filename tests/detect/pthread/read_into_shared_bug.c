//! expect: bug data-race
/* A worker reads a file's first line into a buffer main reads without
 * waiting: fgets stores into memory another thread reads.  The C
 * library's fgets is not instrumented; weft checks the bytes it stores.
 * Before, this was verified.  read_into_shared_ok.c joins first. */
#include <pthread.h>
#include <stdio.h>
#include <string.h>

static char line[64];

static void *worker(void *arg)
{
	FILE *f = fopen(arg, "r");

	if (f) {
		if (!fgets(line, sizeof line, f))
			line[0] = 0;
		fclose(f);
	}
	return NULL;
}

int main(int argc, char **argv)
{
	pthread_t t;
	size_t n;

	(void)argc;
	pthread_create(&t, NULL, worker, argv[0]);
#ifdef OK
	pthread_join(t, NULL);
	n = strlen(line);
#else
	n = strlen(line);
	pthread_join(t, NULL);
#endif
	return n > 64 ? 1 : 0;
}
