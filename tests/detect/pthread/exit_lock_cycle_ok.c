//! expect: verified
//! args: --strategy=dfs
/* The twin of exit_lock_cycle_bug.c: both threads take a before b, so
 * whatever main's return interrupts, no thread waits for another for
 * ever.  Threads still running or waiting at the exit are no bug. */
#include <pthread.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *ab(void *arg)
{
	pthread_mutex_lock(&a);
	pthread_mutex_lock(&b);
	pthread_mutex_unlock(&b);
	pthread_mutex_unlock(&a);
	return arg;
}

static void *ab2(void *arg)
{
	return ab(arg);
}

int main(void)
{
	pthread_t t, u;

	pthread_create(&t, NULL, ab, NULL);
	pthread_create(&u, NULL, ab2, NULL);
	return 0;
}
