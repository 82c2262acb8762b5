//! expect: bug out-of-bounds
//! args: --strategy=dfs
/* A worker appends to an array that starts empty: malloc(0), grown with
 * realloc, and an aligned block of no bytes taken and freed.  Here the
 * worker stores its first item before growing the array, into the empty
 * block: out of bounds.  Once byte-precise bounds came, the correct twin
 * (heap_zero_ok.c) was a false out-of-bounds at the realloc of the empty
 * block (a read of its 0 bytes), and its posix_memalign(64, 0) block a
 * false misuse at its free (its only granule was marked in no block). */
#include <pthread.h>
#include <stdlib.h>

static int *items;
static size_t n;

static void *appender(void *arg)
{
	void *empty = NULL;

	(void)arg;
#ifndef HEAP_ZERO_OK
	items[n] = 7; /* before the array grew */
#endif
	items = realloc(items, (n + 1) * sizeof *items);
	items[n++] = 7;
	if (posix_memalign(&empty, 64, 0) == 0)
		free(empty);
	return NULL;
}

int main(void)
{
	pthread_t t;

	items = malloc(0);
	pthread_create(&t, NULL, appender, NULL);
	pthread_join(t, NULL);
	free(items);
	return n == 1 ? 0 : 1;
}
