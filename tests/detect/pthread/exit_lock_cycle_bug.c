//! expect: bug lock-order
//! args: --strategy=dfs
/* Two threads take a and b in opposite orders and main returns without
 * joining them.  In the schedule where each holds its first lock the two
 * wait for each other forever; the process's exit only hides the hang,
 * which weft reports as threads left deadlocked at exit (besides the
 * inverted order itself).  exit_lock_cycle_ok.c takes both in one order. */
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

static void *ba(void *arg)
{
	pthread_mutex_lock(&b);
	pthread_mutex_lock(&a);
	pthread_mutex_unlock(&a);
	pthread_mutex_unlock(&b);
	return arg;
}

int main(void)
{
	pthread_t t, u;

	pthread_create(&t, NULL, ab, NULL);
	pthread_create(&u, NULL, ba, NULL);
	return 0;
}
