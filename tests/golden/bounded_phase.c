//! args: --iterations=2000 --depth=1
//! needs: pthread
/* Pins the default strategy's bounded phase.  The bug needs one
 * preemption early in the run (the checker between the setter's two
 * stores), behind a tail of 756,756 orders of the three threads' counter
 * updates: the unbounded search's depth-first order explores the tail's
 * orders first and spends its half of the budget there; then the
 * preemption-bounded search and PCT take turns, and the bounded search
 * finds the bug, shown with its one preemption.  PCT at --depth=1 (no
 * priority change) cannot preempt the setter there, so the find is the
 * bounded search's (at the default depth PCT's turn finds it first, with
 * three preemptions).  bounded_phase_ok.c checks the stores in the order
 * they are made: the bounded phase ends, and the verdict says what it
 * covered. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int x, y, noise;

static void churn(void)
{
	for (int i = 0; i < 5; i++)
		atomic_fetch_add_explicit(&noise, 1, memory_order_relaxed);
}

static void *setter(void *p)
{
	(void)p;
	atomic_store(&x, 1);
	atomic_store(&y, 1);
	churn();
	return NULL;
}

static void *checker(void *p)
{
	(void)p;
#ifdef OK
	if (atomic_load(&y))
		assert(atomic_load(&x));
#else
	if (atomic_load(&x))
		assert(atomic_load(&y));
#endif
	churn();
	return NULL;
}

static void *other(void *p)
{
	(void)p;
	churn();
	return NULL;
}

int main(void)
{
	pthread_t a, b, c;

	pthread_create(&a, NULL, setter, NULL);
	pthread_create(&b, NULL, checker, NULL);
	pthread_create(&c, NULL, other, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	pthread_join(c, NULL);
	return 0;
}
