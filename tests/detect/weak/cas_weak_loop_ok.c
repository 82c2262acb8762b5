//! expect: verified
//! args: --strategy=dfs
/* cas_weak_once_bug.c with the retry loop a weak exchange needs: a
 * spurious failure leaves expected at 0, so the thread tries again; a
 * real one (the other thread claimed the flag) stores 1 there, and it
 * gives up.  Beside it, a spin lock taken with a weak exchange in a loop
 * and a reference count dropped with one: each must still verify when
 * any of them fails spuriously. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int claimed, winners, lock, refs = 2, freed;
static int shared;

static void *worker(void *arg)
{
	int expected;

	(void)arg;
	do
		expected = 0;
	while (!atomic_compare_exchange_weak(&claimed, &expected, 1) &&
	       expected == 0);
	if (expected == 0)
		atomic_fetch_add(&winners, 1);

	for (;;) {
		expected = 0;
		if (atomic_compare_exchange_weak_explicit(
			    &lock, &expected, 1, memory_order_acquire,
			    memory_order_relaxed))
			break;
	}
	shared++;
	atomic_store_explicit(&lock, 0, memory_order_release);

	int r = atomic_load(&refs);
	while (!atomic_compare_exchange_weak(&refs, &r, r - 1))
		;
	if (r == 1)
		atomic_fetch_add(&freed, 1);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, worker, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(atomic_load(&winners) == 1);
	assert(shared == 2);
	assert(atomic_load(&freed) == 1);
	return 0;
}
