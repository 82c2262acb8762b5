//! expect: bug out-of-bounds
//! args: --strategy=dfs
/* heap_overflow_bug.c's mistake with the buffer a global array: two
 * consumers wait with `if` instead of `while`, one broadcast for one item
 * wakes both, and the second reads queue[-1].  The memory before the
 * array is another global's (here `taken`, or whatever the linker put
 * there), so the read itself is an ordinary access, no use of freed or
 * unallocated memory: weft verified this program (a probe with a public
 * producer/consumer) until weft-cc added the compiler's array-bounds check
 * (src/tsan/bounds.c).  global_index_ok.c waits with `while`. */
#include <pthread.h>

static int queue[4], count, taken;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;

static void *consumer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
#ifdef GLOBAL_INDEX_OK
	while (count == 0)
#else
	if (count == 0)
#endif
		pthread_cond_wait(&c, &m);
	count--;
	taken += queue[count];
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, consumer, NULL);
	pthread_create(&b, NULL, consumer, NULL);
	pthread_mutex_lock(&m);
	queue[count++] = 7;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	pthread_mutex_lock(&m);
	queue[count++] = 8;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
#ifdef GLOBAL_INDEX_OK
	return taken == 15 ? 0 : 1;
#else
	return 0; /* the sum read wrong is no check of the index */
#endif
}
