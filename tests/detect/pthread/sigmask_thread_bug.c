//! expect: bug crash
//! args: --strategy=dfs
/* Each thread has its own signal mask (POSIX): the worker's SIG_UNBLOCK
 * changes its own mask only, so main's raise of SIGUSR1, which main
 * blocks, stays pending for main and is harmless (sigmask_thread_ok.c).
 * weft ran every thread under one mask: the worker's unblock let main's
 * raise kill the process, and the correct program was a crash (a probe
 * of signal masks).  Here main unblocks SIGUSR1 itself before raising
 * it: its default action kills the process, natively too. */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>

static sem_t ready;

static void *worker(void *arg)
{
	sigset_t set;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	sem_post(&ready);
	return NULL;
}

int main(void)
{
	sigset_t set, pending;
	pthread_t t;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	sem_init(&ready, 0, 0);
	pthread_create(&t, NULL, worker, NULL);
	sem_wait(&ready);
#ifndef FIXED
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
#endif
	raise(SIGUSR1);
	/* Still blocked: pending for main, which its mask says. */
	sigpending(&pending);
	if (!sigismember(&pending, SIGUSR1))
		return 1;
	pthread_sigmask(SIG_BLOCK, NULL, &set);
	if (!sigismember(&set, SIGUSR1))
		return 1;
	pthread_join(t, NULL);
	return 0;
}
