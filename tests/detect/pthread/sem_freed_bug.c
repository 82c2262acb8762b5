//! expect: bug use-after-free
//! args: strategy=dfs
/* The client waits for its job with a deadline and frees the job when
 * the wait times out, but the worker still posts the job's semaphore
 * when it finishes: a post to freed memory.  sem_freed_ok.c joins the
 * worker after a timeout before freeing the job. */
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

	if (!j)
		return 1;
	sem_init(&j->done, 0, 0);
	pthread_create(&t, NULL, work, j);
	pthread_detach(t);
	clock_gettime(CLOCK_REALTIME, &deadline);
	deadline.tv_sec += 1;
	if (sem_timedwait(&j->done, &deadline) == 0)
		sem_destroy(&j->done);
	free(j); /* after a timeout the worker may still post */
	pthread_exit(NULL);
}
