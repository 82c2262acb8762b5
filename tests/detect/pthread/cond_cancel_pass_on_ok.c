//! expect: pass
//! args: --strategy=random --iterations=20000
/* W1 and W2 block on c; main signals once and cancels W1; then W3 starts
 * waiting on c.  POSIX: a waiter cancelled while blocked does not consume
 * the signal when other threads are blocked, so the signal, sent while W1
 * and W2 were blocked, unblocks W2 when W1 ends cancelled (glibc: only
 * waiters of the signal's group, G1, can take it; W3 joined later, in G2).
 * weft passed the cancelled waiter's signal on to any waiter then
 * blocked, W3 included, and reported W2 blocked for ever (a probe; random
 * schedules found that false deadlock within 450 executions).  The
 * exhaustive search of this program does not end within the default
 * budget, hence the random strategy. */
#include <pthread.h>
#include <unistd.h>
static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int item, nwait, other;
static void unlock_cb(void *p)
{
	pthread_mutex_unlock(p);
}
static void *consumer(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	pthread_cleanup_push(unlock_cb, &m);
	nwait++;
	while (!item)
		pthread_cond_wait(&c, &m);
	item = 0;
	pthread_cleanup_pop(1);
	return NULL;
}
static void *w3(void *a)
{
	(void)a;
	pthread_mutex_lock(&m);
	while (!other)
		pthread_cond_wait(&c, &m);
	pthread_mutex_unlock(&m);
	return NULL;
}
int main(void)
{
	pthread_t a, b, d;
	void *r;
	pthread_create(&a, NULL, consumer, NULL);
	pthread_create(&b, NULL, consumer, NULL);
	pthread_mutex_lock(&m);
	while (nwait < 2) {          /* both blocked in the wait */
		pthread_mutex_unlock(&m);
		usleep(1);
		pthread_mutex_lock(&m);
	}
	item = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	pthread_cancel(a);
	pthread_create(&d, NULL, w3, NULL);
	pthread_join(a, &r);
	if (r != PTHREAD_CANCELED)   /* a took the item: b gets nothing */
		pthread_cancel(b);
	pthread_join(b, NULL);
	pthread_mutex_lock(&m);
	other = 1;
	pthread_cond_broadcast(&c);
	pthread_mutex_unlock(&m);
	pthread_join(d, NULL);
	return 0;
}
