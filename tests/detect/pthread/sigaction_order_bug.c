//! expect: bug crash
//! args: --strategy=dfs
/* Main installs its SIGUSR1 handler only after creating the worker that
 * raises the signal: where the raise comes first, the default action
 * kills the process.  weft verified it: the installation was no step,
 * so the explorer never put the raise before it, and the handler one
 * execution installed was still there in the next (a probe of signal
 * handlers).  sigaction_order_ok.c installs it before the creation. */
#include <pthread.h>
#include <signal.h>
#include <string.h>

static volatile sig_atomic_t hits;
static int data;

static void handler(int sig)
{
	(void)sig;
	hits++;
}

static void *worker(void *arg)
{
	(void)arg;
	data = 5;
	raise(SIGUSR1);
	return NULL;
}

int main(void)
{
	struct sigaction sa;
	pthread_t t;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
#ifdef FIXED
	sigaction(SIGUSR1, &sa, NULL);
#endif
	pthread_create(&t, NULL, worker, NULL);
#ifndef FIXED
	sigaction(SIGUSR1, &sa, NULL);
#endif
	pthread_join(t, NULL);
	return hits == 1 && data == 5 ? 0 : 1;
}
