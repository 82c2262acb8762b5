//! expect: pass
//! args: --strategy=delay --depth=1 --iterations=3000
/* Twin of delay_lost_update_bug.c: the increment is one atomic step, so
 * no delay can come between its load and its store, and 3000 executions
 * of the delay strategy find nothing (it cannot conclude "verified"). */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static pthread_mutex_t locks[2] = { PTHREAD_MUTEX_INITIALIZER,
				    PTHREAD_MUTEX_INITIALIZER };
static atomic_int count;

static void *worker(void *arg)
{
	pthread_mutex_t *mine = arg;

	for (int i = 0; i < 20; i++) {
		pthread_mutex_lock(mine);
		pthread_mutex_unlock(mine);
	}
	atomic_fetch_add(&count, 1);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, &locks[0]);
	pthread_create(&b, NULL, worker, &locks[1]);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(atomic_load(&count) == 2);
	return 0;
}
