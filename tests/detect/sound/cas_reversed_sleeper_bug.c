//! expect: bug assertion
//! args: --strategy=dfs
/* A reconfiguration service.  `epoch` counts configuration changes (odd:
 * a change is in progress); `credits` is a budget pool.  main starts a
 * migrator (which begins a change: epoch += 3, then hands off to a nested
 * refill chain); if it then sees a change in progress it starts an
 * auditor that samples the epoch under the audit lock.  main tries to
 * take the audit lock to reset the credits, and
 * commits the change it expects (epoch 3 -> 5).
 * The assertion claims an interleaving that weft's random search reaches:
 * the auditor holds the lock across main's commit while the refiller
 * takes the whole pool.  (Reduced from a generated program.)
 * The exhaustive search verified it in 79 schedules: main's compare-
 * exchange of the epoch, which failed after the refill's add, was taken
 * for the read it was there when its reversal before the add was checked
 * against the threads asleep before the add; the auditor, asleep there
 * with its load of the epoch, then looked like a weak initial of the
 * reversal, whose compare-exchange succeeds and writes (found by a probe
 * comparing dfs with random schedules on threads that create threads). */
#include <pthread.h>
#include <stdatomic.h>
#include <assert.h>
static atomic_int epoch, credits;
static pthread_mutex_t audit_lock = PTHREAD_MUTEX_INITIALIZER;
static int main_busy, main_commit, refill_got, refill_epoch, audit_epoch = -1;
static pthread_t h_auditor, h_refill, h_topup;
static void *refill(void *a) {
    (void)a;
    int e = 0;
    refill_got = atomic_compare_exchange_strong(&credits, &e, 6);
    refill_epoch = atomic_fetch_add(&epoch, 2);
    return 0;
}
static void *topup(void *a) {
    (void)a;
    pthread_create(&h_refill, 0, refill, 0);
    atomic_fetch_add(&credits, 2);
    pthread_join(h_refill, 0);
    return 0;
}
static void *migrator(void *a) {
    (void)a;
    atomic_fetch_add(&epoch, 3);
    pthread_create(&h_topup, 0, topup, 0);
    pthread_join(h_topup, 0);
    return 0;
}
static void *auditor(void *a) {
    if (a && pthread_mutex_trylock(&audit_lock) == 0) {
        audit_epoch = atomic_load(&epoch);
        pthread_mutex_unlock(&audit_lock);
    }
    return 0;
}
int main(void) {
    pthread_t d;
    pthread_create(&d, 0, migrator, 0);
    long odd = atomic_load(&epoch) & 1;
    pthread_create(&h_auditor, 0, auditor, (void *)odd);
    if (pthread_mutex_trylock(&audit_lock) == 0) {
        int e = 0;
        atomic_compare_exchange_strong(&credits, &e, 6);
        pthread_mutex_unlock(&audit_lock);
    } else main_busy = 1;
    int e = 3;
#ifdef FIXED
    if (!main_busy) /* commit only what it could reset */
#endif
    main_commit = atomic_compare_exchange_strong(&epoch, &e, 5);
    pthread_join(d, 0);
    pthread_join(h_auditor, 0);
    assert(!(main_busy && main_commit && refill_got && refill_epoch == 5 && audit_epoch >= 5));
    return 0;
}
