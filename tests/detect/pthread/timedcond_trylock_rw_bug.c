//! expect: bug assertion
//! args: --strategy=dfs
/* The program trylock_once_bug.c was reduced from (a probe's): verified
 * "with at most 4 unfair spin continuations" while random schedules found
 * the bug, which needs no unfair continuation. */
#define _GNU_SOURCE
/* The probe declared more than it used. */
#pragma GCC diagnostic ignored "-Wunused-variable"
#include <pthread.h>
#include <semaphore.h>
#include <stdatomic.h>
#include <stdio.h>
#include <assert.h>
#include <errno.h>
#include <time.h>
#include <sched.h>
#include <unistd.h>
static pthread_mutex_t m0 = PTHREAD_MUTEX_INITIALIZER, m1 = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c0 = PTHREAD_COND_INITIALIZER;
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static sem_t s0;
static atomic_int a0, a1, a2, f0, f1;
static void deadline(struct timespec *ts, long ms) {
    clock_gettime(CLOCK_REALTIME, ts);
    ts->tv_nsec += ms * 1000000L;
    while (ts->tv_nsec >= 1000000000L) { ts->tv_sec++; ts->tv_nsec -= 1000000000L; }
}
static int r0[1];
static int r1[9];
static int r2[3];
static int r3[8];
static int r4[2];
static pthread_t h1;
static pthread_t h2;
static pthread_t h3;
static pthread_t h4;
static void *th4(void *arg);
static void *th3(void *arg);
static void *th2(void *arg);
static void *th1(void *arg);
static void *th4(void *arg) { (void)arg;
    { struct timespec ts; deadline(&ts, 5); pthread_mutex_lock(&m0); while (!atomic_load(&f0)) { if (pthread_cond_timedwait(&c0, &m0, &ts) == ETIMEDOUT) break; }  pthread_mutex_unlock(&m0); }
    { struct timespec ts; deadline(&ts, 5); pthread_mutex_lock(&m0); while (!atomic_load(&f0)) { if (pthread_cond_timedwait(&c0, &m0, &ts) == ETIMEDOUT) break; } pthread_mutex_unlock(&m0); }
    return 0;
}
static void *th3(void *arg) { (void)arg;
    r3[0] = pthread_rwlock_trywrlock(&rw) == 0; if (r3[0]) {   pthread_rwlock_unlock(&rw); }
    pthread_rwlock_wrlock(&rw); r3[5] = atomic_fetch_add(&a2, 1); pthread_rwlock_unlock(&rw);
    return 0;
}
static void *th2(void *arg) { (void)arg;
    r2[0] = pthread_mutex_trylock(&m0) == 0; if (r2[0]) { r2[1] = atomic_load(&a2); pthread_mutex_unlock(&m0); }
    r2[2] = pthread_rwlock_tryrdlock(&rw) == 0; if (r2[2]) { atomic_store(&a2, 3); pthread_rwlock_unlock(&rw); }
    return 0;
}
static void *th1(void *arg) { (void)arg;
    r1[0] = pthread_rwlock_trywrlock(&rw) == 0; if (r1[0]) {  r1[1] = atomic_fetch_add(&a2, 1); pthread_rwlock_unlock(&rw); }
    r1[5] = pthread_rwlock_tryrdlock(&rw) == 0; if (r1[5]) { r1[6] = atomic_fetch_add(&a2, 1);  pthread_rwlock_unlock(&rw); }
    return 0;
}
int main(void) {

    pthread_create(&h3, 0, th3, 0);
    pthread_create(&h2, 0, th2, 0);
    pthread_create(&h4, 0, th4, 0);
    pthread_create(&h1, 0, th1, 0);
    pthread_join(h1, 0);
    pthread_join(h2, 0);
    pthread_join(h3, 0);
    pthread_join(h4, 0);
    assert(!(r2[0] == 0 && r1[0] == 0 && r1[5] == 1 && r2[2] == 1 && r3[0] == 0 && r1[6] == 0 && r3[5] == 3));
    return 0;
}
