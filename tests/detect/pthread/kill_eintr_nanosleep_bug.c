//! expect: bug assertion
/* A sender paces its messages at least 100 ms apart with nanosleep, and
 * a worker asks it for statistics with kill(getpid(), SIGUSR1), the
 * handler installed without SA_RESTART.  A handler interrupts nanosleep
 * (-1, EINTR, the time left in rem: never restarted, signal(7)), and
 * this sender, which ignores that, sends the next message early.  weft
 * never interrupted a sleep (the handler ran after it, the whole time
 * slept), and this was verified.  The ok twin sleeps again for what is
 * left. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t dumps;

static void on_usr1(int sig)
{
	(void)sig;
	dumps++;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static void *stats(void *arg)
{
	sigset_t blk;

	sigemptyset(&blk);
	sigaddset(&blk, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &blk, NULL);
	kill(getpid(), SIGUSR1);
	return arg;
}

int main(void)
{
	struct sigaction sa;
	struct timespec pace = { 0, 100000000 };
	long long sent;
	pthread_t t;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_usr1;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGUSR1, &sa, NULL);
	pthread_create(&t, NULL, stats, NULL);
	sent = now_ms();
#ifdef OK
	while (nanosleep(&pace, &pace) == -1 && errno == EINTR)
		;
#else
	nanosleep(&pace, NULL);
#endif
	assert(now_ms() - sent >= 100);
	pthread_join(t, NULL);
	return 0;
}
