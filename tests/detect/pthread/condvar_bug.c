//! expect: bug assertion
//! args: --strategy=dfs
/* The consumer waits on a condition variable with `if` instead of `while`:
 * after a spurious wakeup it takes an item that is not there.
 * condvar_ok.c re-checks the predicate in a loop. */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER;
static int items;

static void *producer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	items++;
	pthread_cond_signal(&nonempty);
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t p;

	pthread_create(&p, NULL, producer, NULL);
	pthread_mutex_lock(&lock);
	if (items == 0)
		pthread_cond_wait(&nonempty, &lock);
	assert(items > 0);
	items--;
	pthread_mutex_unlock(&lock);
	pthread_join(p, NULL);
	return 0;
}
