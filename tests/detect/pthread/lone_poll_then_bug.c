//! expect: bug assertion
//! args: --strategy=dfs
/* After a counted poll that gives up (run alone: no other thread can run,
 * see lone_poll_bounded_ok.c), the main thread waits on a semaphore with
 * a deadline.  The semaphore was posted only for one input, so for every
 * other input the wait times out and the assertion fails.  A first
 * version of the lone spin kept running alone after the loop, fixed the
 * input to its first value and never took the timeout: verified (a
 * review's probe).  Now a step outside the loop is an ordinary step with
 * its choices explored.  lone_poll_then_ok.c posts whatever the input. */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <time.h>

extern int __VERIFIER_nondet_int(void);

static atomic_int flag;
static sem_t s;

static void *worker(void *arg)
{
	(void)arg;
	return NULL;
}

int main(void)
{
	pthread_t t;
	struct timespec ts;
	int i;

	sem_init(&s, 0, 0);
#ifdef LONE_POLL_THEN_OK
	sem_post(&s);
#else
	if (__VERIFIER_nondet_int() == 1)
		sem_post(&s);
#endif
	pthread_create(&t, NULL, worker, NULL);
	pthread_join(t, NULL);
	for (i = 0; i < 20000; i++)
		if (atomic_load(&flag))
			break;
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec += 1;
	assert(sem_timedwait(&s, &ts) == 0);
	return 0;
}
