//! expect: verified
/* pthread_join is a cancellation point: thread a, blocked joining b,
 * acts on main's request at once, and b still has to be let go and
 * joined.  A thread may also cancel itself; it acts at its next
 * cancellation point.  cancel_join_bug.c forgets to let b go: main's
 * join of b never returns. */
#include <assert.h>
#include <pthread.h>
#include <semaphore.h>

static sem_t go;
static pthread_t b;

static void *bee(void *arg)
{
	(void)arg;
	sem_wait(&go);
	return (void *)2;
}

static void *ay(void *arg)
{
	void *r;

	(void)arg;
	pthread_join(b, &r);
	return r;
}

static void *self(void *arg)
{
	(void)arg;
	pthread_cancel(pthread_self());
	pthread_testcancel();
	return NULL;
}

int main(void)
{
	pthread_t a, s;
	void *r;

	sem_init(&go, 0, 0);
	pthread_create(&b, NULL, bee, NULL);
	pthread_create(&a, NULL, ay, NULL);
	pthread_cancel(a);
	pthread_join(a, &r);
	assert(r == PTHREAD_CANCELED);
#ifndef CANCEL_JOIN_BUG
	sem_post(&go);
#endif
	pthread_join(b, &r);
	assert(r == (void *)2);
	pthread_create(&s, NULL, self, NULL);
	pthread_join(s, &r);
	assert(r == PTHREAD_CANCELED);
	return 0;
}
