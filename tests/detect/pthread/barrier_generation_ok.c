//! expect: verified
//! args: --strategy=dfs
/* barrier_generation_bug's barrier with a generation counter: a waiter
 * sleeps until the generation it arrived in is over.  Two threads pass
 * it twice, and each sees the other's first-phase write after the first. */
#include <assert.h>
#include <pthread.h>

#define N 2
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static int count;
static unsigned gen;

static void barrier_wait(void)
{
	pthread_mutex_lock(&m);
	unsigned g = gen;
	if (++count == N) {
		count = 0;
		gen++;
		pthread_cond_broadcast(&cv);
	} else {
#ifdef BARRIER_GENERATION_BUG
		(void)g;
		while (count != 0)
#else
		while (g == gen)
#endif
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
