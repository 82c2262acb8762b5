//! expect: bug assertion
//! args: --strategy=dfs
/* pthread_getattr_np reports a thread's detach state: DETACHED for one
 * created detached or detached since (glibc), and the stack size the
 * program asked for (glibc reports the 1 MiB asked; weft said joinable
 * always, and its own larger stack).  This program expects JOINABLE from
 * a thread created detached, which fails natively (weft verified it).
 * The correct twin is getattr_detached_ok.c. */
#define _GNU_SOURCE
#include <assert.h>
#include <pthread.h>

#ifdef OK
#define WANT PTHREAD_CREATE_DETACHED
#else
#define WANT PTHREAD_CREATE_JOINABLE
#endif

static pthread_barrier_t b;

static void *w(void *a)
{
	pthread_attr_t at;
	int ds;
	size_t sz;
	void *addr;

	assert(pthread_getattr_np(pthread_self(), &at) == 0);
	pthread_attr_getdetachstate(&at, &ds);
	assert(ds == WANT);
	pthread_attr_getstack(&at, &addr, &sz);
	assert(sz == 1 << 20);
	assert((char *)&at > (char *)addr && (char *)&at < (char *)addr + sz);
	pthread_attr_destroy(&at);
	pthread_barrier_wait(&b);
	return a;
}

/* A joinable thread that detaches itself: detached from then on. */
static void *self_detach(void *a)
{
	pthread_attr_t at;
	int ds;

	pthread_detach(pthread_self());
	assert(pthread_getattr_np(pthread_self(), &at) == 0);
	pthread_attr_getdetachstate(&at, &ds);
	assert(ds == WANT);
	pthread_attr_destroy(&at);
	pthread_barrier_wait(&b);
	return a;
}

int main(void)
{
	pthread_t t, u;
	pthread_attr_t at;

	pthread_barrier_init(&b, NULL, 3);
	pthread_attr_init(&at);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	pthread_attr_setstacksize(&at, 1 << 20);
	pthread_create(&t, &at, w, NULL);
	pthread_create(&u, NULL, self_detach, NULL);
	pthread_barrier_wait(&b);
	return 0;
}
