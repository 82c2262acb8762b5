//! expect: bug assertion
//! args: --strategy=pos --iterations=3000
/* A strategy that samples partial orders (pos) finds an ordering that
 * random walk practically never runs: the checker must read the flag
 * after the worker's 40 independent steps (its own lock, taken and
 * released 20 times) and its write.  Random walk must pass over the
 * checker 80 times in a row, probability 2^-80; POS redraws only the
 * priorities of racing steps, so the checker's one read waits with
 * probability about 1/41 per execution. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static pthread_mutex_t mine = PTHREAD_MUTEX_INITIALIZER;
static atomic_int flag;

static void *worker(void *arg)
{
	(void)arg;
	for (int i = 0; i < 20; i++) {
		pthread_mutex_lock(&mine);
		pthread_mutex_unlock(&mine);
	}
	atomic_store(&flag, 1);
	return NULL;
}

static void *checker(void *arg)
{
	(void)arg;
	assert(atomic_load(&flag) == 0);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, checker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
