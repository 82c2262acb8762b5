//! expect: bug crash
//! args: --strategy=dfs
/* sigaction_order_bug.c with signal(): the worker ignores SIGPIPE with
 * signal(SIGPIPE, SIG_IGN) only after main raised it, in one order, and
 * the default action kills the process.  signal_ignore_order_ok.c waits
 * for the worker to ignore the signal first; main also unblocks a
 * SIGPIPE it raised while blocking it, which the ignoring discarded. */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>

static sem_t ignoring;

static void *worker(void *arg)
{
	(void)arg;
	signal(SIGPIPE, SIG_IGN);
	sem_post(&ignoring);
	return NULL;
}

int main(void)
{
	sigset_t set;
	pthread_t t;

	sigemptyset(&set);
	sigaddset(&set, SIGPIPE);
	sem_init(&ignoring, 0, 0);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	raise(SIGPIPE);
	pthread_create(&t, NULL, worker, NULL);
#ifdef FIXED
	sem_wait(&ignoring);
#endif
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	pthread_join(t, NULL);
	return 0;
}
