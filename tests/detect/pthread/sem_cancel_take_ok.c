//! expect: pass
//! args: --strategy=random --iterations=20000
/* One token, two takers: a worker blocked in sem_wait with a cancel
 * request pending, and main's sem_trywait after the post; at most one
 * gets the token.  weft's sem_wait checked the count in its step and then
 * made the choice "a posted waiter acts on its cancel request" as a step
 * of its own, on no object: a trywait between the two took the token
 * too, and the count went below zero.  The exhaustive search took the
 * two orders for one and verified; random schedules reported this
 * correct program (a probe; found within 150 executions). */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>

static sem_t s;
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int taken;

static void *worker(void *a)
{
	(void)a;
	sem_wait(&s);
	pthread_mutex_lock(&m);
	taken++;
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t t;
	int v;

	sem_init(&s, 0, 0);
	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	sem_post(&s);
	if (sem_trywait(&s) == 0) {
		pthread_mutex_lock(&m);
		taken++;
		pthread_mutex_unlock(&m);
	}
	pthread_join(t, NULL);
	sem_getvalue(&s, &v);
	assert(taken <= 1 && v >= 0);
	return 0;
}
