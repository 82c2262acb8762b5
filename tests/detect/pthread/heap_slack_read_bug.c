//! expect: bug out-of-bounds
//! args: --strategy=dfs
/* A reader thread scans a 10-byte record as if it had 12 bytes: bytes 10
 * and 11 lie in the unused rest of the block's last granule, which weft
 * took for part of the block.  Also a zero-byte block: malloc(0) gives a
 * pointer that may not be dereferenced, and reading it must be out of
 * bounds.  heap_slack_read_ok.c reads the record's own 10 bytes and
 * leaves the empty block alone. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *rec, *empty;
static int sum;

static void *reader(void *arg)
{
	(void)arg;
#ifdef HEAP_SLACK_READ_OK
	for (int i = 0; i < 10; i++)
		sum += rec[i];
#else
	for (int i = 0; i < 12; i++)
		sum += rec[i];
	sum += empty[0];
#endif
	return NULL;
}

int main(void)
{
	pthread_t t;

	rec = malloc(10);
	empty = malloc(0);
	memset(rec, 1, 10);
	pthread_create(&t, NULL, reader, NULL);
	pthread_join(t, NULL);
	free(rec);
	free(empty);
	return sum == 10 ? 0 : 1;
}
