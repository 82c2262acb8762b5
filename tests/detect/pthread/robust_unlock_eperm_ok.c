//! expect: verified
//! args: --strategy=dfs
/* Unlocking a robust mutex that another thread holds returns EPERM, as
 * POSIX requires (it was reported as misuse). */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
static pthread_mutex_t m;
static void *other(void *a) { (void)a; assert(pthread_mutex_unlock(&m) == EPERM); return NULL; }
int main(void)
{
	pthread_mutexattr_t at;
	pthread_t t;
	pthread_mutexattr_init(&at);
	pthread_mutexattr_setrobust(&at, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&m, &at);
	pthread_mutex_lock(&m);
	pthread_create(&t, NULL, other, NULL);
	pthread_join(t, NULL);
	pthread_mutex_unlock(&m);
	return 0;
}
