//! expect: verified
/* A worker that waits for tasks on a semaphore, stopped with
 * pthread_cancel: sem_wait is a cancellation point, but a count that is
 * there is taken first.  Main waits for the task to be done before it
 * cancels the worker.  cancel_sem_bug.c cancels right after posting:
 * the worker's usleep before its wait is a cancellation point too, so
 * in some schedules the task is never run and the assertion fails. */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <unistd.h>

static sem_t todo, done;
static int ran;

static void *worker(void *arg)
{
	(void)arg;
	for (;;) {
		usleep(10);
		sem_wait(&todo);
		ran++;
		sem_post(&done);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	void *r;

	sem_init(&todo, 0, 0);
	sem_init(&done, 0, 0);
	pthread_create(&t, NULL, worker, NULL);
	sem_post(&todo);
#ifndef CANCEL_SEM_BUG
	sem_wait(&done);
#endif
	pthread_cancel(t);
	pthread_join(t, &r);
	assert(r == PTHREAD_CANCELED);
	assert(ran == 1);
	return 0;
}
