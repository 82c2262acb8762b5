//! expect: bug assertion
//! args: --strategy=dfs
/* A worker signals the process while every thread blocks the signal;
 * after joining it, main sees the signal pending and takes it with
 * sigtimedwait, which natively returns it at once.  It timed out (a
 * probe's false bug).  Taking it removes it: the bug twin expects it
 * still pending after, and a second sigtimedwait with a zero timeout to
 * return it again. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

static void *worker(void *arg)
{
	kill(getpid(), SIGUSR1);
	return arg;
}

int main(void)
{
	sigset_t set, pend;
	pthread_t t;
	siginfo_t info;
	struct timespec to = { 1, 0 }, none = { 0, 0 };

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	sigpending(&pend);
	assert(sigismember(&pend, SIGUSR1));
	assert(sigtimedwait(&set, &info, &to) == SIGUSR1);
	assert(info.si_signo == SIGUSR1);
	sigpending(&pend);
#ifdef OK
	assert(!sigismember(&pend, SIGUSR1));
	assert(sigtimedwait(&set, NULL, &none) == -1 && errno == EAGAIN);
#else
	assert(sigismember(&pend, SIGUSR1) ||
	       sigtimedwait(&set, NULL, &none) == SIGUSR1);
#endif
	return 0;
}
