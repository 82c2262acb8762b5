//! expect: bug crash
//! args: --strategy=dfs
/* A signal sent to the process (kill(getpid(), ...)) goes to a thread
 * that does not block it, and stays pending for the process while every
 * thread does.  Main blocks SIGUSR1 and the worker, which inherits the
 * mask, unblocks it: main's kill reaches the worker, either at once or
 * when it unblocks the signal, and with no handler installed its default
 * action kills the process.  kill_self_mask_ok.c installs a handler,
 * which runs once in every order. */
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t hits;
static sem_t done;

static void handler(int sig)
{
	(void)sig;
	hits++;
}

static void *worker(void *arg)
{
	sigset_t set;

	(void)arg;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	sem_wait(&done);
	return NULL;
}

int main(void)
{
	sigset_t set;
	pthread_t t;

#ifdef FIXED
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = handler;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
#else
	(void)handler;
#endif
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	sem_init(&done, 0, 0);
	pthread_create(&t, NULL, worker, NULL);
	kill(getpid(), SIGUSR1);
	sem_post(&done);
	pthread_join(t, NULL);
	return hits == 1 ? 0 : 1;
}
