//! expect: bug use-after-free
//! args: strategy=dfs
/* main closes its only handle of a named semaphore while a worker may
 * still post it: the C library unmaps a named semaphore at its last
 * sem_close, and the post then faults (natively in 29 runs of 30).
 * sem_close returned 0 and did nothing, and this was verified in one
 * schedule (a probe of ordinary pthread programs).  sem_close_ok.c joins
 * the worker first. */
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>

static sem_t *s;

static void *poster(void *arg)
{
	sem_post(s);
	return arg;
}

int main(void)
{
	pthread_t t;

	s = sem_open("/weft_sem_close", O_CREAT, 0600, 0);
	if (s == SEM_FAILED)
		return 1;
	sem_unlink("/weft_sem_close");
	pthread_create(&t, NULL, poster, NULL);
#ifndef JOIN_FIRST
	sem_close(s);
	pthread_join(t, NULL);
#else
	pthread_join(t, NULL);
	sem_close(s);
#endif
	return 0;
}
