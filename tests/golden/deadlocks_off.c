//! needs: pthread
//! args: --strategy=dfs --deadlocks=off
/* Pins --deadlocks=off's notes: the deadlocking interleavings of two
 * threads taking two mutexes in opposite orders end unreported, and the
 * lock-order cycle they show is not a finding; the verdict says both
 * were seen. */
#include <pthread.h>

static pthread_mutex_t a = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t b = PTHREAD_MUTEX_INITIALIZER;

static void *t1(void *arg)
{
	pthread_mutex_lock(&a);
	pthread_mutex_lock(&b);
	pthread_mutex_unlock(&b);
	pthread_mutex_unlock(&a);
	return arg;
}

int main(void)
{
	pthread_t x;

	pthread_create(&x, 0, t1, 0);
	pthread_mutex_lock(&b);
	pthread_mutex_lock(&a);
	pthread_mutex_unlock(&a);
	pthread_mutex_unlock(&b);
	pthread_join(x, 0);
	return 0;
}
