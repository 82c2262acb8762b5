//! expect: bug out-of-bounds
//! args: --strategy=dfs
/* A copy of a 16-byte block's contents that asks for 40 bytes runs
 * through the empty granule after it into the next block: its first and
 * last bytes are both in live blocks, and checking those two alone
 * missed it (verified; a review's probe, with memset and memmove too).
 * The worker writes the size it copies; main copies what it read.
 * heap_overrun_range_ok.c copies the block's own 16 bytes, and writes
 * past an aligned_alloc block's 64 bytes no more. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#ifdef HEAP_OVERRUN_RANGE_OK
#define WANT 16
#else
#define WANT 40
#endif

static size_t want;
static char *volatile keep;

static void *worker(void *arg)
{
	(void)arg;
	want = WANT;
	return NULL;
}

int main(void)
{
	char *a = malloc(16), *b = malloc(16), dst[64];
	char *c = aligned_alloc(64, 64);
	pthread_t t;

	memset(a, 1, 16);
	memset(b, 2, 16);
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	memcpy(dst, a, want);
	keep = c;
	memset(keep, 0, WANT > 16 ? 65 : 64); /* one past the aligned block */
	keep = dst;
	free(a);
	free(b);
	free(c);
	return keep[0] == 1 ? 0 : 1;
}
