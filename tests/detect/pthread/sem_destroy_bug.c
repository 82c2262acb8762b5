//! expect: bug misuse
//! args: --strategy=dfs
/* main destroys a semaphore the worker may be blocked on, then posts to
 * it: both undefined in POSIX.  sem_destroy did nothing, so this was
 * verified.  sem_destroy_ok.c posts, joins, then destroys, and
 * initialises the semaphore again before using it once more. */
#include <pthread.h>
#include <semaphore.h>

static sem_t s;

static void *worker(void *arg)
{
	(void)arg;
	sem_wait(&s);
	return NULL;
}

int main(void)
{
	pthread_t t;

	sem_init(&s, 0, 0);
	pthread_create(&t, NULL, worker, NULL);
#ifdef SEM_DESTROY_OK
	sem_post(&s);
	pthread_join(t, NULL);
	sem_destroy(&s);
	sem_init(&s, 0, 1);
	sem_wait(&s);
	sem_destroy(&s);
#else
	sem_destroy(&s);
	sem_post(&s);
	pthread_join(t, NULL);
#endif
	return 0;
}
