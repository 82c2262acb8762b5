//! expect: bug out-of-bounds
//! args: --strategy=dfs
/* A thread reads the length word a hand-rolled header would keep just
 * before an over-aligned buffer, but aligned_alloc keeps none: the bytes
 * before the buffer are the alignment's slack, inside weft's block and
 * in no allocation of the program's.  weft took them for part of the
 * block and verified this; the slack before the program's part is now
 * out of bounds, as the slack past its end is.
 * heap_aligned_head_ok.c keeps the length in the buffer itself. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

static unsigned char *buf;
static size_t seen;

static void *reader(void *arg)
{
	(void)arg;
#ifdef HEAP_ALIGNED_HEAD_OK
	memcpy(&seen, buf, sizeof seen);
#else
	memcpy(&seen, buf - sizeof seen, sizeof seen);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t;

	buf = aligned_alloc(64, 64);
	memset(buf, 0, 64);
	pthread_create(&t, NULL, reader, NULL);
	pthread_join(t, NULL);
	free(buf);
	return (int)seen;
}
