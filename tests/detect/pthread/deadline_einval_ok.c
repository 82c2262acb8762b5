//! expect: verified
//! args: --strategy=dfs
/* A deadline with nanoseconds outside 0..999,999,999 is EINVAL in every
 * timed wait, as glibc has it: up front for a semaphore, a read-write
 * lock and a condition; for a mutex only when it is busy (a free one is
 * taken).  The program checks every answer against glibc's (it
 * passes natively too); deadline_nsec_bug.c is the bug this hides. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <time.h>

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t held = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static sem_t sem;

static struct timespec bad;

/* Busy (main holds it): EINVAL; free: taken. */
static void *locker(void *arg)
{
	int r = pthread_mutex_timedlock(&held, &bad);

	if (r == 0)
		pthread_mutex_unlock(&held);
	return r == 0 || r == EINVAL ? NULL : arg;
}

int main(void)
{
	struct timespec now;
	pthread_t t;
	void *r;
	int bad_answers = 0;

	clock_gettime(CLOCK_REALTIME, &now);
	bad = (struct timespec){ now.tv_sec + 1, 1500000000L };
	sem_init(&sem, 0, 1);
	errno = 0;
	bad_answers += sem_timedwait(&sem, &bad) != -1 || errno != EINVAL;
	bad_answers += pthread_rwlock_timedrdlock(&rw, &bad) != EINVAL;
	bad_answers += pthread_rwlock_timedwrlock(&rw, &bad) != EINVAL;
	/* A free mutex is taken without a look at the deadline. */
	bad_answers += pthread_mutex_timedlock(&mu, &bad) != 0;
	pthread_mutex_lock(&held);
	pthread_create(&t, NULL, locker, &sem);
	pthread_mutex_unlock(&held);
	pthread_join(t, &r);
	bad_answers += r != NULL;
	bad_answers += pthread_mutex_unlock(&mu) != 0;
	return bad_answers;
}
