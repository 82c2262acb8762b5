//! expect: verified
/* Two consumers wait for one item; main cancels the first.  A waiter
 * that was signalled and is cancelled before it woke may act on the
 * request, but then it must not swallow the signal (POSIX): glibc passes
 * it on to another waiter, so the second consumer still wakes, takes the
 * item and ends.  When the first consumer took the item itself, main
 * cancels the second, which would wait for ever.  cancel_pass_bug.c
 * forgets that case. */
#include <assert.h>
#include <pthread.h>

static pthread_mutex_t m = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t c = PTHREAD_COND_INITIALIZER;
static int items, consumed;

static void unlock(void *p)
{
	pthread_mutex_unlock(p);
}

static void *consumer(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&m);
	pthread_cleanup_push(unlock, &m);
	while (!items)
		pthread_cond_wait(&c, &m);
	items--;
	consumed++;
	pthread_cleanup_pop(1);
	return (void *)1;
}

int main(void)
{
	pthread_t c1, c2;
	void *r1, *r2;

	pthread_create(&c1, NULL, consumer, NULL);
	pthread_create(&c2, NULL, consumer, NULL);
	pthread_mutex_lock(&m);
	items = 1;
	pthread_cond_signal(&c);
	pthread_mutex_unlock(&m);
	pthread_cancel(c1);
	pthread_join(c1, &r1);
#ifndef CANCEL_PASS_BUG
	if (r1 != PTHREAD_CANCELED)
		pthread_cancel(c2);
#endif
	pthread_join(c2, &r2);
	assert(consumed == 1);
	assert((r1 == PTHREAD_CANCELED) != (r2 == PTHREAD_CANCELED));
	return 0;
}
