//! expect: verified
//! args: strategy=dfs
/* The correct twin of sem_freed_bug.c: after a timeout the client joins
 * the worker, so nobody posts the job's semaphore once it is freed. */
#include <pthread.h>
#include <semaphore.h>
#include <stdlib.h>
#include <time.h>

struct job {
	sem_t done;
	int result;
};

static void *work(void *arg)
{
	struct job *j = arg;

	j->result = 42;
	sem_post(&j->done);
	return NULL;
}

int main(void)
{
	struct job *j = calloc(1, sizeof *j);
	struct timespec deadline;
	pthread_t t;
	int result;

	if (!j)
		return 1;
	sem_init(&j->done, 0, 0);
	pthread_create(&t, NULL, work, j);
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 1;
	if (sem_timedwait(&j->done, &deadline) != 0)
		sem_wait(&j->done); /* late: wait for the worker's post */
	pthread_join(t, NULL);
	result = j->result;
	sem_destroy(&j->done);
	free(j);
	return result == 42 ? 0 : 1;
}
