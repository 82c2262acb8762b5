//! expect: bug assertion
//! args: --strategy=dfs
/* A writer bumps a version twice under a rwlock; a sampler peeks with
 * pthread_rwlock_tryrdlock, a reader and main read with rdlock.
 * The asserted-away outcome IS reachable: writer sets 1, sampler's
 * tryrdlock succeeds and sees 1, reader sees 1, writer sets 2, main sees 2.
 * The exhaustive search verified it for a while: a reversal whose failed
 * tryrdlock was put into the wakeup tree as a write (as it counts against
 * the threads asleep there) cut the order with both reads before the
 * second write (a probe comparing outcome sets of dfs, random and PCT). */
#include <pthread.h>
#include <assert.h>
static pthread_rwlock_t rw = PTHREAD_RWLOCK_INITIALIZER;
static int version, sampled = -1, seen_reader, seen_main;
static void *writer(void *a) {
    pthread_rwlock_wrlock(&rw); version = 1; pthread_rwlock_unlock(&rw);
    pthread_rwlock_wrlock(&rw); version = 2; pthread_rwlock_unlock(&rw);
    return a;
}
static void *sampler(void *a) {
    if (pthread_rwlock_tryrdlock(&rw) == 0) { sampled = version; pthread_rwlock_unlock(&rw); }
    return a;
}
static void *reader(void *a) {
    pthread_rwlock_rdlock(&rw); seen_reader = version; pthread_rwlock_unlock(&rw);
    return a;
}
int main(void) {
    pthread_t w, s, r;
    pthread_create(&w, 0, writer, 0);
    pthread_create(&s, 0, sampler, 0);
    pthread_create(&r, 0, reader, 0);
    pthread_rwlock_rdlock(&rw); seen_main = version; pthread_rwlock_unlock(&rw);
    pthread_join(w, 0); pthread_join(s, 0); pthread_join(r, 0);
#ifdef FIXED
    /* What always holds: each read saw a version some write left. */
    assert(sampled <= 2 && seen_reader <= 2 && seen_main <= 2);
#else
    assert(!(sampled == 1 && seen_reader == 1 && seen_main == 2));
#endif
    return 0;
}
