//! expect: inconclusive
//! args: --strategy=dfs
/* A thread waits for a signal that another would send with pthread_kill.
 * weft delivers no signals, so the wait could only end at the time limit
 * (which once reported it as an execution that reached no scheduling
 * point, after 65 seconds and with a time of 0.00 s).  It is a limit of
 * weft, said at once: unsupported: sigwait.  A sigtimedwait with a
 * timeout is modelled, as the timeout it is when no signal comes. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <assert.h>

static void *timed(void *arg)
{
	sigset_t set;
	struct timespec ts = { 1, 0 };

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	assert(sigtimedwait(&set, NULL, &ts) == -1 && errno == EAGAIN);
	return arg;
}

int main(void)
{
	sigset_t set;
	int sig;
	pthread_t t;

	pthread_create(&t, NULL, timed, NULL);
	pthread_join(t, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	sigwait(&set, &sig);
	return 0;
}
