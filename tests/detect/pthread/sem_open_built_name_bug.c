// A named semaphore whose name the program builds in a buffer on the
// stack, as a per-process name ("/app-%d") is built.  The report of the
// deadlock below drew the sem_open step's object from that buffer, gone
// by then: weft crashed with no report (a probe of ordinary pthread
// programs).  The bug: nobody posts the semaphore the worker waits on.
//! expect: bug deadlock
#include <fcntl.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdio.h>
#include <string.h>

static sem_t *ready;

static sem_t *open_named(int id)
{
	char name[32];
	sem_t *s;

	snprintf(name, sizeof name, "/weft-built-%d", id);
	s = sem_open(name, O_CREAT, 0600, 0);
	sem_unlink(name);
	memset(name, 'Z', sizeof name - 1);
	return s;
}

static void *worker(void *arg)
{
	(void)arg;
	sem_wait(ready);
	return NULL;
}

int main(void)
{
	pthread_t t;

	ready = open_named(7);
	if (ready == SEM_FAILED)
		return 1;
	pthread_create(&t, NULL, worker, NULL);
#ifdef OK
	sem_post(ready);
#endif
	pthread_join(t, NULL);
	sem_close(ready);
	return 0;
}
