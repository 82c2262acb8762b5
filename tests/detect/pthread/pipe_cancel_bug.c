//! expect: bug deadlock
//! args: --strategy=dfs
/* The worker waits in read() holding a mutex; main cancels it, and with
 * no cleanup handler to unlock it the mutex stays held: main's lock
 * after the join waits for ever.  pipe_cancel_ok.c holds nothing. */
#include <pthread.h>
#include <unistd.h>

static int p[2];
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

static void *worker(void *a)
{
	char c;

	pthread_mutex_lock(&mu);
	if (read(p[0], &c, 1) == 1)
		c++;
	pthread_mutex_unlock(&mu);
	return a;
}

int main(void)
{
	pthread_t t;

	if (pipe(p))
		return 1;
	pthread_create(&t, NULL, worker, NULL);
	pthread_cancel(t);
	pthread_join(t, NULL);
	pthread_mutex_lock(&mu);
	pthread_mutex_unlock(&mu);
	return 0;
}
