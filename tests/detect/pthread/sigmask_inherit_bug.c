//! expect: bug crash
//! args: --strategy=dfs
/* A new thread takes its creator's signal mask at pthread_create, and a
 * mask main sets afterwards is main's alone: the worker raises SIGUSR1
 * unblocked, and its default action kills the process.  weft verified
 * it, the worker running under the mask main set later (a probe of
 * signal masks).  sigmask_inherit_ok.c blocks SIGUSR1 before the
 * creation: the worker inherits the mask, and its raise stays pending
 * for it, also when main then unblocks the signal. */
#include <pthread.h>
#include <signal.h>

static void *worker(void *arg)
{
	(void)arg;
	raise(SIGUSR1);
	return NULL;
}

int main(void)
{
	sigset_t set;
	pthread_t t;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
#ifdef FIXED
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	pthread_create(&t, NULL, worker, NULL);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
#else
	pthread_create(&t, NULL, worker, NULL);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
#endif
	pthread_join(t, NULL);
	return 0;
}
