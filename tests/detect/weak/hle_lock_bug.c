//! expect: bug data-race
//! args: --strategy=dfs
/* A test-and-set lock taken with gcc's x86 lock-elision hint, whose
 * unlock is relaxed (UNLOCK_ORDER; gcc allows the release hint only with
 * a release): the next holder's counter++ is not ordered after this
 * one's, a data race.  hle_lock_ok.c releases, with the hint.  The hints
 * (__ATOMIC_HLE_ACQUIRE, _RELEASE) ride on the order gcc passes: weft
 * read an acquire exchange and a release store with them as relaxed, and
 * the correct lock was a false data race (a probe). */
#include <pthread.h>
#include <stdio.h>

#ifndef UNLOCK_ORDER
#define UNLOCK_ORDER __ATOMIC_RELAXED
#endif

static int lk, counter;

static void *worker(void *arg)
{
	while (__atomic_exchange_n(&lk, 1,
				   __ATOMIC_ACQUIRE | __ATOMIC_HLE_ACQUIRE))
		;
	counter++;
	__atomic_store_n(&lk, 0, UNLOCK_ORDER);
	return arg;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("counter=%d\n", counter);
	return counter == 2 ? 0 : 1;
}
