//! expect: verified
//! args: --strategy=dfs
/* Peterson's lock with sequentially consistent atomics guards a plain
 * counter, twice in each of two threads.  A waiting thread polls two
 * variables in turn (the other's flag and the turn): a round that reads
 * both unchanged is spinning, and fair scheduling runs the other thread.
 * peterson_bug.c announces the turn before its flag, which breaks mutual
 * exclusion; peterson_relaxed_bug.c uses relaxed orders. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag[2], turn;
static int counter;

static void lock(int i)
{
	atomic_store(&flag[i], 1);
	atomic_store(&turn, 1 - i);
	while (atomic_load(&flag[1 - i]) && atomic_load(&turn) == 1 - i)
		;
}

static void unlock(int i)
{
	atomic_store(&flag[i], 0);
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
