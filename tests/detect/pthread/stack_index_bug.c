//! expect: bug out-of-bounds
//! args: --strategy=dfs
/* An index into a thread's own stack array, taken from a shared counter
 * the other thread can move past the array's end between the check and
 * the use (the check reads it under the lock, the use reads it again
 * after).  Past the array lies the rest of the frame, so natively the
 * write lands in another local and nothing crashes; weft-cc's array-bounds
 * check (src/tsan/bounds.c) reports it.  stack_index_ok.c uses the value
 * it checked. */
#include <pthread.h>

#define N 4
static int next = N - 1;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *taker(void *arg)
{
	int slots[N] = { 0 }, i, sum = 0;

	(void)arg;
	pthread_mutex_lock(&m);
	i = next;
	pthread_mutex_unlock(&m);
	if (i < N) {
#ifdef STACK_INDEX_OK
		slots[i] = 1;
#else
		pthread_mutex_lock(&m);
		slots[next] = 1;
		pthread_mutex_unlock(&m);
#endif
	}
	for (int k = 0; k < N; k++)
		sum += slots[k];
	return (void *)(long)sum;
}

static void *bumper(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	next++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, taker, NULL);
	pthread_create(&b, NULL, bumper, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
