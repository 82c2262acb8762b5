//! expect: inconclusive
/* A constructor takes a rwlock before main and main lets it go: glibc's
 * state, which weft never saw taken.  A reset of it at its first step
 * made main's unlock a false misuse (a review's probe); it is
 * inconclusive. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>

static pthread_rwlock_t gate = PTHREAD_RWLOCK_INITIALIZER;
static int config;

__attribute__((constructor)) static void init(void)
{
	pthread_rwlock_wrlock(&gate); /* released by main once configured */
}

static void *reader(void *p)
{
	(void)p;
	if (pthread_rwlock_tryrdlock(&gate) == 0) {
		assert(config == 42); /* only after main's unlock */
		pthread_rwlock_unlock(&gate);
	}
	return NULL;
}

int main(void)
{
	pthread_t t;
	pthread_create(&t, NULL, reader, NULL);
	config = 42;
	pthread_rwlock_unlock(&gate);
	pthread_join(t, NULL);
	return 0;
}
