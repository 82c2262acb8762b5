//! expect: bug data-race
//! args: --strategy=dfs
/* main reads a line into a buffer getline allocates, while a worker
 * checks whether the line's pointer is set yet, with nothing ordering the
 * two: getline's store of the pointer races with the worker's load
 * (ThreadSanitizer reports it).  weft checked the line's bytes, not the
 * pointer and size getline reads and writes, and verified this.
 * getline_ptr_race_ok.c starts the worker after the read. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

static char *line;
static size_t cap;
static volatile int seen; /* (volatile: -O1 keeps the load of line) */

static void *peek(void *arg)
{
	(void)arg;
	if (line != NULL)
		seen = 1;
	return NULL;
}

int main(void)
{
	char data[] = "one\n";
	FILE *f = fmemopen(data, sizeof data - 1, "r");
	pthread_t t;

#ifdef GETLINE_PTR_RACE_OK
	getline(&line, &cap, f);
	pthread_create(&t, NULL, peek, NULL);
#else
	pthread_create(&t, NULL, peek, NULL);
	getline(&line, &cap, f);
#endif
	pthread_join(t, NULL);
	free(line);
	fclose(f);
	return 0;
}
