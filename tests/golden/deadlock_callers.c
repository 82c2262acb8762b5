//! needs: pthread
//! args: --strategy=dfs
/* Pins the callers drawn under each blocked thread of a deadlock: both
 * threads wait inside one wrapper (a pool's wait helper), so its line
 * alone named the same place for each; the lines under them say which
 * call of the program each wait is in (a probe of real programs: xz's
 * mythread_cond_wait, pigz's wait_for). */
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int jobs, done;

static void wait_until(int *flag)
{
	pthread_mutex_lock(&m);
	while (!*flag)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
}

static void *worker(void *a)
{
	wait_until(&jobs);
	pthread_mutex_lock(&m);
	done = 1;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	return a;
}

static void finish(void)
{
	/* The bug: waits for the worker before giving it its job. */
	wait_until(&done);
	pthread_mutex_lock(&m);
	jobs = 1;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
}

int main(void)
{
	pthread_t t;

	pthread_create(&t, 0, worker, 0);
	finish();
	pthread_join(t, 0);
	return 0;
}
