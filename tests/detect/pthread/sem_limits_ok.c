//! expect: verified
/* The semaphore's limits, as glibc has them: sem_init above SEM_VALUE_MAX
 * is EINVAL, and a sem_post at SEM_VALUE_MAX is EOVERFLOW and leaves the
 * count (weft accepted the first and wrapped the count to a negative
 * number at the second: found by a probe of outside programs). */
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <semaphore.h>

static sem_t s;

static void *poster(void *arg)
{
	int v;

	if (sem_post(&s) != -1 || errno != EOVERFLOW)
		return arg;
	if (sem_getvalue(&s, &v) != 0 || v != SEM_VALUE_MAX)
		return arg;
	return NULL;
}

int main(void)
{
	pthread_t t;
	void *r;

	errno = 0;
	if (sem_init(&s, 0, (unsigned)SEM_VALUE_MAX + 1u) != -1 ||
	    errno != EINVAL)
		return 1;
	if (sem_init(&s, 0, SEM_VALUE_MAX) != 0)
		return 2;
	pthread_create(&t, NULL, poster, &s);
	pthread_join(t, &r);
	return r != NULL;
}
