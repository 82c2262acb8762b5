//! expect: bug data-race
//! args: --strategy=dfs
/* A collector thread joins the worker into a shared slot; main peeks at
 * the slot without waiting for the collector.  The peek races with
 * pthread_join's store of the return value (only the joining thread
 * synchronises with the ended one, XSH 2.9.8 and 4.12): it can see 0 or
 * 42.  weft's join stored the value unseen by the race detector and the
 * explorer, and this was verified in one schedule (a probe comparing dfs
 * with random schedules).  The fix joins the collector first. */
#include <pthread.h>
#include <stdio.h>
static pthread_t worker_th;
static void *result; /* written by pthread_join in the collector */
static void *worker(void *a) { (void)a; return (void *)42; }
static void *collector(void *a) { pthread_join(worker_th, &result); return a; }
int main(void) {
    pthread_t c;
    void *peek;
    pthread_create(&worker_th, 0, worker, 0);
    pthread_create(&c, 0, collector, 0);
#ifdef FIXED
    pthread_join(c, 0);
    peek = result;
#else
    peek = result; /* unsynchronised read */
    pthread_join(c, 0);
#endif
    printf("peek %ld\n", (long)peek);
    return 0;
}
