//! expect: verified
//! args: --strategy=dfs
/* self_detach_join_bug.c's worker, which detaches itself, is waited for
 * with a semaphore, not joined; a second worker is joined and never
 * detached; main detaches a third, which may still be running, once it
 * has posted. */
#include <pthread.h>
#include <semaphore.h>

static sem_t done;

static void *detacher(void *arg)
{
	(void)arg;
	pthread_detach(pthread_self());
	sem_post(&done);
	return NULL;
}

static void *plain(void *arg)
{
	return arg;
}

static void *poster(void *arg)
{
	(void)arg;
	sem_post(&done);
	return NULL;
}

int main(void)
{
	pthread_t a, b, c;

	sem_init(&done, 0, 0);
	pthread_create(&a, NULL, detacher, NULL);
	pthread_create(&b, NULL, plain, NULL);
	sem_wait(&done);
	pthread_join(b, NULL);
	pthread_create(&c, NULL, poster, NULL);
	sem_wait(&done);
	pthread_detach(c);
	return 0;
}
