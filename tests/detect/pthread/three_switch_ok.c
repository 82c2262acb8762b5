//! expect: verified
//! args: --strategy=dfs
/* The correct twin of three_switch_bug.c: both steps happen in one
 * critical section, so the half-done state is never visible. */
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
	assert(!(a == 1 && b == 2));
	assert(a <= b && (a == 0 || a == 2));
	pthread_join(w, NULL);
	return 0;
}
