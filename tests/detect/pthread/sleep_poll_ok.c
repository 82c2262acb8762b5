//! expect: verified
//! args: --strategy=dfs
/* poll(NULL, 0, ms) and select(0, ...) with a timeout are the portable
 * sleeps of old: virtual time passes, as for nanosleep.  They were
 * refused as unsupported waits on descriptors ("give the program its
 * input in a file"), which a program with no descriptors could not make
 * sense of (found by a probe of outside programs).  The worker polls a
 * flag, sleeping between polls. */
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <sys/select.h>
#include <time.h>

static atomic_int flag;

static void *waiter(void *arg)
{
	struct timespec a, b;

	clock_gettime(CLOCK_MONOTONIC, &a);
	while (!atomic_load(&flag)) {
		struct timeval tv = { 0, 20000 };
		poll(NULL, 0, 10);
		select(0, NULL, NULL, NULL, &tv);
		if (tv.tv_sec || tv.tv_usec)
			return arg; /* Linux leaves no time after a full sleep */
	}
	clock_gettime(CLOCK_MONOTONIC, &b);
	return b.tv_sec < a.tv_sec ? arg : NULL;
}

int main(void)
{
	pthread_t t;
	void *r;

	pthread_create(&t, NULL, waiter, (void *)&flag);
	atomic_store(&flag, 1);
	pthread_join(t, &r);
	return r != NULL;
}
