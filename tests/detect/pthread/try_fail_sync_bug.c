//! expect(trylock_fails): bug data-race
//! expect(trylock_fails_publish): bug data-race
//! expect(tryrdlock_fails): bug data-race
//! expect(trywait_fails): bug data-race
//! expect(timedlock_times_out): bug data-race
//! expect(getvalue_poll): bug data-race
//! args: --strategy=dfs
/* A trylock, a trywait or a timed lock that fails synchronizes nothing
 * (C11 7.26.4.5, POSIX; glibc's lock is an acquire-only compare-exchange,
 * and ThreadSanitizer reports each of these), and sem_getvalue is no
 * memory-synchronizing function (POSIX 4.12; glibc's is a relaxed load).
 * weft ordered every one of them as a full lock step: a failed try took
 * the holder's clock, and left its own for the next locker, so each race
 * below was verified (a probe of pthread programs).  The correct twin,
 * try_fail_sync_ok.c, reads only after an operation that succeeded. */
#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <time.h>
#include <weft/weft.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static sem_t s;
static atomic_int go, raised;
int data, seen; /* not static: a read into seen must stay */

/* Writes data, then holds the lock until main says go. */
static void *holder(void *arg)
{
	(void)arg;
	data = 42;
	pthread_mutex_lock(&m);
	while (!atomic_load(&go))
		;
	pthread_mutex_unlock(&m);
	return NULL;
}

static void read_if(int failed)
{
#ifdef OK
	(void)failed;
	pthread_mutex_lock(&m);
	pthread_mutex_unlock(&m);
	seen = data;
#else
	if (failed)
		seen = data;
#endif
}

WEFT_TEST(trylock_fails)
{
	pthread_t t;

	pthread_create(&t, NULL, holder, NULL);
	int r = pthread_mutex_trylock(&m);
	if (r == 0)
		pthread_mutex_unlock(&m);
	atomic_store(&go, 1);
#ifdef OK
	pthread_join(t, NULL);
	read_if(r != 0);
#else
	read_if(r != 0);
	pthread_join(t, NULL);
#endif
}

/* The other direction: the failed try's writes reach no later locker. */
static void *trier(void *arg)
{
	(void)arg;
	data = 7;
	if (pthread_mutex_trylock(&m) == 0)
		pthread_mutex_unlock(&m);
	atomic_store_explicit(&raised, 1, memory_order_relaxed);
	return NULL;
}

WEFT_TEST(trylock_fails_publish)
{
	pthread_t t;

	pthread_mutex_lock(&m);
	pthread_create(&t, NULL, trier, NULL);
	while (!atomic_load_explicit(&raised, memory_order_relaxed))
		sched_yield();
	pthread_mutex_unlock(&m);
#ifdef OK
	pthread_join(t, NULL);
#endif
	seen = data;
#ifndef OK
	pthread_join(t, NULL);
#endif
}

static void *writer(void *arg)
{
	(void)arg;
	data = 42;
	pthread_rwlock_wrlock(&rw);
	while (!atomic_load(&go))
		;
	pthread_rwlock_unlock(&rw);
	return NULL;
}

WEFT_TEST(tryrdlock_fails)
{
	pthread_t t;

	pthread_create(&t, NULL, writer, NULL);
	int r = pthread_rwlock_tryrdlock(&rw);
	if (r == 0)
		pthread_rwlock_unlock(&rw);
	atomic_store(&go, 1);
#ifndef OK
	if (r != 0)
		seen = data;
#endif
	pthread_join(t, NULL);
#ifdef OK
	seen = data;
#endif
}

/* Takes the only token with sem_wait (an acquire, no release). */
static void *taker(void *arg)
{
	(void)arg;
	data = 42;
	sem_wait(&s);
	return NULL;
}

WEFT_TEST(trywait_fails)
{
	pthread_t t;

	sem_init(&s, 0, 1);
	pthread_create(&t, NULL, taker, NULL);
	int r = sem_trywait(&s);
#ifndef OK
	if (r != 0)
		seen = data;
	else
		sem_post(&s);
	pthread_join(t, NULL);
#else
	if (r == 0)
		sem_post(&s);
	pthread_join(t, NULL);
	seen = data;
#endif
}

WEFT_TEST(timedlock_times_out)
{
	pthread_t t;
	struct timespec dl;

	pthread_create(&t, NULL, holder, NULL);
	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_sec += 1;
	int r = pthread_mutex_timedlock(&m, &dl);
	if (r == 0)
		pthread_mutex_unlock(&m);
	atomic_store(&go, 1);
#ifndef OK
	if (r == ETIMEDOUT)
		seen = data;
#endif
	pthread_join(t, NULL);
#ifdef OK
	seen = data;
#endif
}

static void *poster(void *arg)
{
	(void)arg;
	data = 42;
	sem_post(&s);
	return NULL;
}

WEFT_TEST(getvalue_poll)
{
	pthread_t t;
	int v = 0;

	sem_init(&s, 0, 0);
	pthread_create(&t, NULL, poster, NULL);
	while (v == 0)
		sem_getvalue(&s, &v);
#ifdef OK
	sem_wait(&s);
#endif
	seen = data;
	pthread_join(t, NULL);
}
