//! expect: bug assertion
//! args: --strategy=dfs --preemption-bound=3
/* A bug that needs three preemptions: main must be preempted before its
 * first look, the worker after its first step, and main again after its
 * first look; only then does it see the half-done state twice (1, then 2).
 * Every access is under the mutex, so there is no data race: only the
 * interleaving is wrong.  three_switch_ok.c makes the two steps one
 * critical section. */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int stage;

static int look(void)
{
	int s;

	pthread_mutex_lock(&lock);
	s = stage;
	pthread_mutex_unlock(&lock);
	return s;
}

static void *worker(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	stage = 1;
	pthread_mutex_unlock(&lock);
	pthread_mutex_lock(&lock);
	stage = 2;
	pthread_mutex_unlock(&lock);
	return NULL;
}

int main(void)
{
	pthread_t w;
	int a, b;

	pthread_create(&w, NULL, worker, NULL);
	a = look();
	b = look();
	/* The wrong belief: the two looks never see both steps apart. */
	assert(!(a == 1 && b == 2));
	pthread_join(w, NULL);
	return 0;
}
