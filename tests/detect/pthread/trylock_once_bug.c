//! expect: bug assertion
//! args: --strategy=dfs --fair-bound=0
/* A thread (th2) that tries a mutex once and goes on, no retry loop, was
 * deferred as a spinner by the failed try until every other thread had
 * stepped.  The bug needs th2 to go on before th1, created last, tries the
 * read-write lock; with th1 started before the try, the one schedule of
 * the trace that partial-order reduction explored paid an unfair
 * continuation, and the search bounded at 0 verified it where a schedule
 * with none fails.  A failed try is now a spin only where the thread
 * tried before since its last write (timedcond_trylock_rw_bug.c is the
 * program this was reduced from). */
#include <pthread.h>
#include <stdatomic.h>
#include <assert.h>
#include <errno.h>
#include <time.h>
static pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c0 = PTHREAD_COND_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static atomic_int a2, f0;
static void deadline(struct timespec *ts, long ms) {
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_nsec += ms * 1000000L;
    while (ts->tv_nsec >= 1000000000L) { ts->tv_sec++; ts->tv_nsec -= 1000000000L; }
}
static int r1[9], r2[3], r3[8];
static void *th4(void *arg) { (void)arg;
    { struct timespec ts; deadline(&ts, 5); pthread_mutex_lock(&m0); pthread_cond_timedwait(&c0, &m0, &ts);  pthread_mutex_unlock(&m0); }
    { struct timespec ts; deadline(&ts, 5); pthread_mutex_lock(&m0); while (!atomic_load(&f0)) { pthread_cond_timedwait(&c0, &m0, &ts); break; } pthread_mutex_unlock(&m0); }
    return 0;
}
static void *th3(void *arg) { (void)arg;
    pthread_rwlock_wrlock(&rw); r3[5] = atomic_fetch_add(&a2, 1); pthread_rwlock_unlock(&rw);
    return 0;
}
static void *th2(void *arg) { (void)arg;
    r2[0] = pthread_mutex_trylock(&m0) == 0; if (r2[0]) { pthread_mutex_unlock(&m0); }
#ifdef FIXED
    /* Only a thread that got the mutex publishes. */
    if (!r2[0]) return 0;
#endif
    r2[2] = pthread_rwlock_tryrdlock(&rw) == 0; if (r2[2]) { atomic_store(&a2, 3); pthread_rwlock_unlock(&rw); }
    return 0;
}
static void *th1(void *arg) { (void)arg;
    r1[0] = pthread_rwlock_trywrlock(&rw) == 0; if (r1[0]) { pthread_rwlock_unlock(&rw); }
    r1[5] = pthread_rwlock_tryrdlock(&rw) == 0; if (r1[5]) { r1[6] = atomic_load(&a2);  pthread_rwlock_unlock(&rw); }
    return 0;
}
int main(void) {
    pthread_t h1, h2, h3, h4;
    pthread_create(&h3, 0, th3, 0);
    pthread_create(&h2, 0, th2, 0);
    pthread_create(&h4, 0, th4, 0);
    pthread_create(&h1, 0, th1, 0);
    pthread_join(h1, 0);
    pthread_join(h2, 0);
    pthread_join(h4, 0);
    assert(!(r2[0] == 0 && r1[0] == 0 && r1[5] == 1 && r2[2] == 1 && r1[6] == 0));
    return 0;
}
