//! expect: verified
//! args: strategy=dfs
/* The calls alarm_inconclusive.c, timer_thread_inconclusive.c and
 * flock_inconclusive.c are refused for, used so that the kernel does
 * nothing later: alarm(0) and a zero setitimer cancel, a timer that
 * notifies nobody (SIGEV_NONE) is only read, and main takes an flock
 * while it is the only thread.  They are the C library's, and the
 * program's race-free counter is verified. */
#include <assert.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/file.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static int counter;

static void *add(void *arg)
{
	pthread_mutex_lock(&m);
	counter++;
	pthread_mutex_unlock(&m);
	return arg;
}

int main(void)
{
	struct itimerval zero = { { 0, 0 }, { 0, 0 } }, old;
	struct sigevent none = { .sigev_notify = SIGEV_NONE };
	char path[] = "/tmp/weft_signal_later_ok.XXXXXX";
	pthread_t a, b;
	timer_t tm;
	int fd = mkstemp(path);

	assert(alarm(0) == 0);
	assert(setitimer(ITIMER_REAL, &zero, &old) == 0);
	assert(timer_create(CLOCK_MONOTONIC, &none, &tm) == 0);
	timer_delete(tm);
	assert(fd >= 0 && flock(fd, LOCK_EX) == 0);
	pthread_create(&a, NULL, add, NULL);
	pthread_create(&b, NULL, add, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	flock(fd, LOCK_UN);
	close(fd);
	unlink(path);
	assert(counter == 2);
	return 0;
}
