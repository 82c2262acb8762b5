//! expect: bug deadlock
//! args: --strategy=dfs
/* A worker asks for a stats dump with kill(getpid(), SIGUSR1), and the
 * handler takes the stats mutex.  Any thread that does not block the
 * signal may take it (Linux tries main first), and main holds the mutex
 * while it sleeps: the handler, on main, relocks main's own mutex.  The
 * handler ran on the sending thread always, and this was verified (a
 * probe).  The taker is now an explored choice.  The ok twin blocks
 * SIGUSR1 in main around the locked region. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

static pthread_mutex_t stats_mu = PTHREAD_MUTEX_INITIALIZER;
static int dumps, updates;

static void on_usr1(int sig)
{
	(void)sig;
	pthread_mutex_lock(&stats_mu);
	dumps++;
	pthread_mutex_unlock(&stats_mu);
}

static void *worker(void *arg)
{
	usleep(1000);
	kill(getpid(), SIGUSR1);
	return arg;
}

int main(void)
{
	struct sigaction sa = { 0 };
	pthread_t t;
#ifdef OK
	sigset_t blk, old;
#endif

	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	pthread_create(&t, NULL, worker, NULL);
#ifdef OK
	sigemptyset(&blk);
	sigaddset(&blk, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &blk, &old);
#endif
	pthread_mutex_lock(&stats_mu);
	updates++;
	usleep(20000);
	pthread_mutex_unlock(&stats_mu);
#ifdef OK
	pthread_sigmask(SIG_SETMASK, &old, NULL);
#endif
	pthread_join(t, NULL);
	printf("dumps %d updates %d\n", dumps, updates);
	return 0;
}
