//! expect: bug assertion
//! args: --strategy=dfs
/* As peterson_ok.c, but lock() gives the other thread the turn before
 * raising its own flag.  Thread 0 gives the turn away, thread 1 gives it
 * back, raises its flag and enters (thread 0's flag is down); thread 0
 * then raises its flag and enters too (the turn is its own): both
 * increment the counter at once and an update is lost. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int flag[2], turn;
static atomic_int inside;

static void lock(int i)
{
	atomic_store(&turn, 1 - i); /* the bug: before the flag */
	atomic_store(&flag[i], 1);
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
		assert(atomic_fetch_add(&inside, 1) == 0);
		atomic_fetch_sub(&inside, 1);
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
	return 0;
}
