//! expect: bug assertion
//! args: --strategy=dfs
/* the error function is defined in an included header, not in this file: the
 * error is reached when t runs before main's read (x == 1). */
#include <pthread.h>
#include "header_svassert.h"

int x;
pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;

static void *t(void *a)
{
	pthread_mutex_lock(&m);
	x = 1;
	pthread_mutex_unlock(&m);
	return a;
}

int main(void)
{
	pthread_t th;
	int v;

	pthread_create(&th, 0, t, 0);
	pthread_mutex_lock(&m);
	v = x;
	pthread_mutex_unlock(&m);
#ifdef OK
	assert(v == 0 || v == 1);
#else
	assert(v == 0);
#endif
	pthread_join(th, 0);
	return 0;
}
