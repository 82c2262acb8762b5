//! expect: inconclusive memory-limit
//! args: --strategy=dfs
/* One block of 5 GiB, which a real allocator gives (the kernel commits
 * pages only when touched).  weft's heap writes a shadow entry for every
 * 16 bytes allocated, so an execution may allocate at most 4 GiB: past
 * that it is inconclusive (memory-limit), at once, not a bug and not a
 * machine brought to its knees by gigabytes of shadow (a loop of 1 GiB
 * blocks once ran for minutes).  huge_block_ok.c is its twin. */
#include <pthread.h>
#include <stdlib.h>

#ifndef SIZE
#define SIZE ((size_t)5 << 30)
#endif

static char *buf;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *writer(void *arg)
{
	pthread_mutex_lock(&m);
	buf[(long)arg] = 1;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t[2];

	buf = malloc(SIZE);
	if (!buf)
		return 1;
	for (long i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, writer, (void *)(i * 4096 * 1024));
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	free(buf);
	return 0;
}
