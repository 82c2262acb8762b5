//! expect: bug assertion
//! args: --strategy=dfs
/* A thread created by main and one created by th1, in either order: the
 * exhaustive search verified this in 5 schedules while threads were
 * numbered by creation order alone (late_spawn_order_bug.c says why).
 * th1 can see n == 1 and x == 0 under the lock while th3 sees x == 2. */
#include <pthread.h>
#include <stdatomic.h>
#include <assert.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static atomic_int x, n;
static int th1_x = -1, th1_n = -1, th3_x = -1;
static void *th4(void *arg) { (void)arg; return 0; }
static void *th3(void *arg) { (void)arg;
    th3_x = atomic_load(&x);
    pthread_t t4;
    pthread_create(&t4, 0, th4, 0);
    pthread_join(t4, 0);
    return 0;
}
static void *th2(void *arg) { (void)arg;
#ifdef FIXED
    pthread_mutex_lock(&m); atomic_store(&x, 2); atomic_fetch_add(&n, 1); pthread_mutex_unlock(&m);
#else
    pthread_mutex_lock(&m); atomic_fetch_add(&n, 1); pthread_mutex_unlock(&m);
    atomic_store(&x, 2);
#endif
    return 0;
}
static void *th1(void *arg) { (void)arg;
    pthread_t t2;
    pthread_create(&t2, 0, th2, 0);
    pthread_mutex_lock(&m); th1_x = atomic_load(&x); th1_n = atomic_load(&n); pthread_mutex_unlock(&m);
    pthread_join(t2, 0);
    return 0;
}
int main(void) {
    pthread_t t1, t3;
    pthread_create(&t3, 0, th3, 0);
    pthread_create(&t1, 0, th1, 0);
    pthread_join(t1, 0);
    pthread_join(t3, 0);
    assert(!(th1_x == 0 && th1_n == 1 && th3_x == 2));
    return 0;
}
