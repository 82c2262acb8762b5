//! expect: bug assertion
//! args: --strategy=dfs
/* Two threads each create a thread, in an order the schedule decides:
 * before threads were named by creation path (src/sched/thread_key.c),
 * the exhaustive search ran a wakeup sequence recorded in one execution
 * with another thread in the next, and verified this in 12 schedules.
 * Found by a probe comparing dfs with random schedules. */
/* th2's trylock of m can fail while th1 holds m, and th1 takes m only after
   its increment of n, which may come after th5's (th5 is created by th1):
     th1: create th5;  th5: n++ (0 -> 1);  th1: n++ (1 -> 2), lock m
     th2: trylock(m) fails (EBUSY)
   The assertion says this never happens: it can fail. */
#include <pthread.h>
#include <stdatomic.h>
#include <assert.h>
#ifdef FIXED
#define INC 2 /* th1 reads 0 or 2: never 1 */
#else
#define INC 1
#endif
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static atomic_int n;
static int th1_old = -1, th2_got = -1, th4_n;
static void *th5(void *arg) { (void)arg; atomic_fetch_add(&n, INC); return 0; }
static void *th4(void *arg) { (void)arg; th4_n = atomic_load(&n); return 0; }
static void *th3(void *arg) { (void)arg; return 0; }
static void *th2(void *arg) { (void)arg;
    th2_got = pthread_mutex_trylock(&m) == 0;
    if (th2_got) pthread_mutex_unlock(&m);
    pthread_t t3; pthread_create(&t3, 0, th3, 0); pthread_join(t3, 0);
    return 0;
}
static void *th1(void *arg) { (void)arg;
    pthread_t t5; pthread_create(&t5, 0, th5, 0);
    th1_old = atomic_fetch_add(&n, 1);
    pthread_mutex_lock(&m); pthread_mutex_unlock(&m);
    pthread_join(t5, 0);
    return 0;
}
int main(void) {
    pthread_t t1, t2, t4;
    pthread_create(&t2, 0, th2, 0);
    pthread_create(&t1, 0, th1, 0);
    pthread_create(&t4, 0, th4, 0);
    pthread_join(t1, 0); pthread_join(t2, 0); pthread_join(t4, 0);
    assert(!(th2_got == 0 && th1_old == 1));
    return 0;
}
