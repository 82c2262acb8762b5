//! expect: bug assertion
//! args: --strategy=dfs
/* A timed wait whose caller takes a return of 0 for "signalled": it waits
 * once, with if instead of while, and trusts the predicate when the wait
 * did not time out.  POSIX lets pthread_cond_timedwait return 0 on a
 * spurious wakeup, as pthread_cond_wait may, so ready can still be 0 here.
 * weft used to count every unsignalled wakeup of a timed wait as a
 * timeout and verified this program.  Twin: timedwait_spurious_ok.c. */
#include <assert.h>
#include <pthread.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int ready;

static void *producer(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	ready = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	pthread_t p;

	pthread_create(&p, NULL, producer, NULL);
	pthread_mutex_lock(&m);
	if (!ready) {
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		ts.tv_sec += 5;
		if (pthread_cond_timedwait(&c, &m, &ts) == 0)
			assert(ready);
	}
	pthread_mutex_unlock(&m);
	pthread_join(p, NULL);
	return 0;
}
