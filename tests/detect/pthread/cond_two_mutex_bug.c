// Two consumers wait on one condition variable, each with a mutex of its
// own (a refactoring split the queue's lock but not its condition):
// POSIX leaves waits with two mutexes on one condition variable at once
// undefined, and C++'s condition_variable makes one mutex a precondition.
// weft verified it (a probe of C++ programs); it is a misuse now.
// cond_two_mutex_ok.c waits with the one mutex.
//! expect: bug misuse
#include <pthread.h>
#include <stdatomic.h>
#include <unistd.h>

static pthread_cond_t ready = PTHREAD_COND_INITIALIZER;
static pthread_mutex_t qlock = PTHREAD_MUTEX_INITIALIZER;
#ifndef FIXED
static pthread_mutex_t stats_lock = PTHREAD_MUTEX_INITIALIZER;
#endif
static atomic_int go;

static void *consumer(void *arg)
{
	pthread_mutex_t *m = arg;

	pthread_mutex_lock(m);
	while (!atomic_load(&go))
		pthread_cond_wait(&ready, m);
	pthread_mutex_unlock(m);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, consumer, &qlock);
#ifdef FIXED
	pthread_create(&b, NULL, consumer, &qlock);
#else
	pthread_create(&b, NULL, consumer, &stats_lock);
#endif
	usleep(1000); /* the consumers are waiting by now */
	pthread_mutex_lock(&qlock);
	atomic_store(&go, 1);
	pthread_cond_broadcast(&ready);
	pthread_mutex_unlock(&qlock);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
