//! expect: bug deadlock
//! args: --strategy=dfs
/* A hand-built reusable barrier (mutex, condition variable, count)
 * without a generation: a waiter sleeps while count != 0, the last
 * arrival resets count and broadcasts, and a fast thread already back
 * for the second round raises count before the slow waiter re-checks it:
 * the slow one sleeps on, and so does the fast one (deadlock).
 * barrier_generation_ok waits for the generation to change. */
#include <assert.h>
#include <pthread.h>

#define N 2
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int count;

static void barrier_wait(void)
{
	pthread_mutex_lock(&m);
	if (++count == N) {
		count = 0;
		pthread_cond_broadcast(&cv);
	} else {
		while (count != 0)
			pthread_cond_wait(&cv, &m);
	}
	pthread_mutex_unlock(&m);
}
int phase_data[N];
static void *worker(void *a)
{
	long id = (long)a;
	phase_data[id] = 1;
	barrier_wait();
	assert(phase_data[1 - id] == 1);
	barrier_wait();
	return NULL;
}
int main(void)
{
	pthread_t t[N];
	for (long i = 0; i < N; i++) pthread_create(&t[i], NULL, worker, (void *)i);
	for (int i = 0; i < N; i++) pthread_join(t[i], NULL);
	return 0;
}
