//! args: --strategy=dfs
//! needs: pthread
/* Pins the thread limit's message for a program that keeps few threads
 * alive: 300 detached threads, started one after another, each of which
 * has ended (posted, then returned) before the next starts.  weft takes a
 * record over only from a thread whose end a join ordered before the
 * spawn, so the detached ones keep theirs, and the message says so (it
 * said only "more than 256 threads alive (or finished but not joined)",
 * which a probe took for a false limit). */
#include <pthread.h>
#include <semaphore.h>

static sem_t done;

static void *worker(void *arg)
{
	(void)arg;
	sem_post(&done);
	return NULL;
}

int main(void)
{
	pthread_attr_t a;
	pthread_t t;

	sem_init(&done, 0, 0);
	pthread_attr_init(&a);
	pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
	for (int i = 0; i < 300; i++) {
		pthread_create(&t, &a, worker, NULL);
		sem_wait(&done);
	}
	return 0;
}
