//! needs: pthread
//! args: --strategy=random --iterations=20 --max-steps=2000
/* Pins the step limit's message when a thread waits for what never comes
 * while another runs on: main waits on a semaphore nobody posts, and the
 * worker polls a flag main would set after it, counting its rounds (a
 * write in every round, so weft cannot prove a livelock).  The message
 * names the wait and the step since which main has been in it; it
 * suggested fair scheduling (--starve-bound), which cannot help a thread
 * that is blocked.  In a kernel, such a wait is a hung task. */
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <unistd.h>

static sem_t never;
static atomic_int stop;
static long rounds;

static void *poller(void *arg)
{
	(void)arg;
	while (!atomic_load(&stop)) {
		rounds++;
		usleep(1000);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;

	sem_init(&never, 0, 0);
	pthread_create(&t, NULL, poller, NULL);
	sem_wait(&never);
	atomic_store(&stop, 1);
	pthread_join(t, NULL);
	return 0;
}
