//! expect: bug assertion
//! args: --strategy=dfs
/* peterson_ok.c with relaxed atomics.  Store buffering lets both threads
 * in: each one's load of the other's flag may still see 0 after the other
 * stored 1 (src/tsan/weak.c), so both increment the counter at once and
 * an increment is lost (the assertion).  A relaxed access also orders
 * nothing (ThreadSanitizer's semantics), so the two increments of the
 * plain counter race: that data race is among the findings too. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#define RLX memory_order_relaxed

static atomic_int flag[2], turn;
static int counter;

static void lock(int i)
{
	atomic_store_explicit(&flag[i], 1, RLX);
	atomic_store_explicit(&turn, 1 - i, RLX);
	while (atomic_load_explicit(&flag[1 - i], RLX) &&
	       atomic_load_explicit(&turn, RLX) == 1 - i)
		;
}

static void unlock(int i)
{
	atomic_store_explicit(&flag[i], 0, RLX);
}

static void *worker(void *arg)
{
	int i = (int)(long)arg;

	for (int k = 0; k < 2; k++) {
		lock(i);
		counter++;
		unlock(i);
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, (void *)0L);
	pthread_create(&b, NULL, worker, (void *)1L);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(counter == 4);
	return 0;
}
