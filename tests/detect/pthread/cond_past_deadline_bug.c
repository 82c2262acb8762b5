//! expect: bug assertion
/* A wait whose deadline has already passed times out (POSIX
 * pthread_cond_timedwait: "an error is returned if the absolute time
 * specified by abstime has already been passed at the time of the call";
 * C11 cnd_timedwait likewise), unless a signal comes while the mutex is
 * released.  weft let such a wait return 0 as a spurious wakeup, a false
 * alarm on cond_past_deadline_ok.c (found in a library that passes a
 * relative timeout as the deadline; a probe of outside code).  This twin
 * has a signaller: a signal that comes while the expired waiter has the
 * mutex released wakes it with 0, and the program takes that for
 * impossible. */
#include <assert.h>
#include <errno.h>
#include <pthread.h>
#include <threads.h>
#include <time.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static cnd_t cc;
static mtx_t mm;

static __attribute__((unused)) void *signaller(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	return NULL;
}

int main(void)
{
	struct timespec past = { 0, 1000000 }; /* 1970: long gone */
	pthread_t t;
	int r;

	cnd_init(&cc);
	mtx_init(&mm, mtx_plain);
	mtx_lock(&mm);
	assert(cnd_timedwait(&cc, &mm, &past) == thrd_timedout);
	mtx_unlock(&mm);
#ifndef FIXED
	pthread_create(&t, NULL, signaller, NULL);
#endif
	pthread_mutex_lock(&m);
	r = pthread_cond_timedwait(&c, &m, &past);
	assert(r == ETIMEDOUT);
	pthread_mutex_unlock(&m);
#ifndef FIXED
	pthread_join(t, NULL);
#else
	(void)t;
#endif
	cnd_destroy(&cc);
	mtx_destroy(&mm);
	return 0;
}
