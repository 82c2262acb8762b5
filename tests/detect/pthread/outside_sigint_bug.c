//! expect: bug use-after-free
/* A program that runs until Ctrl-C: its SIGINT handler sets a flag that
 * the main loop polls with sleep(1), then it shuts down.  The shutdown
 * frees the worker's statistics before the worker's last use.  weft
 * sends SIGINT from outside once every thread waits for it (before, the
 * loop was reported as a livelock, and the shutdown never ran). */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static atomic_int stop;
static int *stats;
static sem_t done_sem;

static void on_int(int sig)
{
	(void)sig;
	atomic_store(&stop, 1);
}

static void *worker(void *arg)
{
	(void)arg;
	while (sem_wait(&done_sem) != 0)
		;
	stats[0]++; /* the last count, at shutdown */
	return NULL;
}

int main(void)
{
	pthread_t t;

	stats = calloc(4, sizeof *stats);
	sem_init(&done_sem, 0, 0);
	signal(SIGINT, on_int);
	pthread_create(&t, NULL, worker, NULL);
	while (!atomic_load(&stop))
		sleep(1);
#ifdef OK
	sem_post(&done_sem);
	pthread_join(t, NULL);
	free(stats);
#else
	free(stats); /* before the worker's last count */
	sem_post(&done_sem);
	pthread_join(t, NULL);
#endif
	puts("bye");
	return 0;
}
