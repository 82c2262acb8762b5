//! expect: verified
//! args: --strategy=dfs --starve-bound=0
/* A retry loop over trylock that counts its attempts between tries:
 * each failed try after the first at that place is a spin, though the
 * thread wrote in between.  When only a try repeated since the last
 * write counted, the loop ran on to the step limit (a review of
 * trylock_once_*). */
#include <pthread.h>
#include <stdatomic.h>
#include <assert.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static atomic_int tries, done;
static void *th(void *a) { (void)a;
    while (pthread_mutex_trylock(&m) != 0)
        atomic_fetch_add(&tries, 1);
    atomic_store(&done, 1);
    pthread_mutex_unlock(&m);
    return 0;
}
int main(void) {
    pthread_t t;
    pthread_mutex_lock(&m);
    pthread_create(&t, 0, th, 0);
    atomic_store(&done, 0);
    pthread_mutex_unlock(&m);
    pthread_join(t, 0);
    assert(atomic_load(&done) == 1);
    return 0;
}
