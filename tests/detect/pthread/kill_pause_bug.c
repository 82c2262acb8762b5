//! expect: bug deadlock
/* main waits for a worker's "done" signal (SIGUSR1, sent with
 * kill(getpid(), ...)) with the classic check then pause: a signal that
 * comes after the check and before pause is handled there, and pause
 * then waits for a signal that never comes again.  pause was
 * unsupported (weft delivered no signal to a waiting thread), so the
 * program ended inconclusive.  The ok twin blocks the signal around the
 * check and waits with sigsuspend, which unblocks it atomically. */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t done;
static pthread_mutex_t log_mu = PTHREAD_MUTEX_INITIALIZER;
static int log_lines;

static void log_line(const char *s)
{
	pthread_mutex_lock(&log_mu);
	log_lines++;
	pthread_mutex_unlock(&log_mu);
	puts(s);
}

static void on_usr1(int sig)
{
	(void)sig;
	done = 1;
}

static void *worker(void *arg)
{
	log_line("worker finished");
	kill(getpid(), SIGUSR1);
	return arg;
}

int main(void)
{
	struct sigaction sa;
	pthread_t t;
	sigset_t blk, old;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&blk);
	sigaddset(&blk, SIGUSR1);
#ifdef OK
	/* Blocked before the worker starts, so that it inherits the block
	 * and only main's sigsuspend takes the signal. */
	sigprocmask(SIG_BLOCK, &blk, &old);
	pthread_create(&t, NULL, worker, NULL);
	while (!done)
		sigsuspend(&old);
	sigprocmask(SIG_SETMASK, &old, NULL);
#else
	pthread_sigmask(SIG_BLOCK, &blk, &old);
	pthread_create(&t, NULL, worker, NULL);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (!done) {
		log_line("waiting for the worker");
		pause();
	}
#endif
	pthread_join(t, NULL);
	log_line("done");
	return 0;
}
