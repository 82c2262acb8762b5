//! expect: verified
//! args: --strategy=dfs
/* pthread_kill to the calling thread is raise (glibc's raise is that
 * call): the handler runs at once, on the thread.  It was unsupported,
 * while raise itself worked (found by a probe of outside programs).
 * pthread_kill_self_bug.c signals itself while holding the mutex its
 * handler takes: a deadlock, a hang natively. */
#include <errno.h>
#include <pthread.h>
#include <signal.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int count;

static void handler(int sig)
{
	(void)sig;
	pthread_mutex_lock(&mu);
	count++;
	pthread_mutex_unlock(&mu);
}

static void *worker(void *arg)
{
#ifdef HOLDING
	pthread_mutex_lock(&mu);
	pthread_kill(pthread_self(), SIGUSR1);
	pthread_mutex_unlock(&mu);
#else
	pthread_kill(pthread_self(), SIGUSR1);
#endif
	return arg;
}

int main(void)
{
	pthread_t t;

	signal(SIGUSR1, handler);
	pthread_create(&t, NULL, worker, NULL);
	pthread_mutex_lock(&mu);
	count++;
	pthread_mutex_unlock(&mu);
	pthread_join(t, NULL);
	return count != 2 || pthread_kill(pthread_self(), 999) != EINVAL;
}
