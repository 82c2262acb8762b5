//! expect: bug out-of-bounds
//! args: --strategy=dfs
/* Two consumers wait for items with `if` instead of `while`: woken by one
 * broadcast for one item, both take it, and the second reads the buffer
 * at index -1, the heap just before the block.  The program does not
 * crash natively (the bytes before a malloc block are the allocator's),
 * and weft verified it: it checked accesses to freed blocks only, not
 * those outside every block.  Found by a probe of course programs (a
 * producer writing buffer[-1] under the same mistake).
 * heap_overflow_ok.c waits with `while`. */
#include <pthread.h>
#include <stdlib.h>

static int *buf, count, taken;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;

static void *consumer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
#ifdef HEAP_OVERFLOW_OK
	while (count == 0)
#else
	if (count == 0)
#endif
		pthread_cond_wait(&c, &m);
	count--;
	taken += buf[count];
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	buf = malloc(4 * sizeof *buf);
	pthread_create(&a, NULL, consumer, NULL);
	pthread_create(&b, NULL, consumer, NULL);
	for (int i = 0; i < 2; i++) {
		pthread_mutex_lock(&m);
		buf[count++] = 1;
		pthread_cond_broadcast(&c);
		pthread_mutex_unlock(&m);
	}
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	free(buf);
	return 0;
}
