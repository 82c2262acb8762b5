//! expect: bug assertion
/* Found by the differential oracle (seed 20881): a choice that a wakeup
 * sequence moves to a new place must still try all its values there.
 * main's two loads of x0 against t1's store give 3 outcomes, t1's load of
 * x2 against t2's write 2 more, t2's choice 2 values: 12 traces, each
 * explored once.  Here main asserts against the one where its loads see
 * the store in between and t2 chose 1 (the trace the search used to miss);
 * choice_reordered_ok.c is the correct twin. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>
#include <weft/weft.h>

static atomic_int x0, x2;
static int chosen;

static void *t1(void *arg)
{
	(void)arg;
	atomic_store(&x0, 1);
	assert(atomic_load(&x2) <= 1);
	return NULL;
}

static void *t2(void *arg)
{
	(void)arg;
	chosen = weft_choose(2);
	if (chosen == 0)
		atomic_store(&x2, 1);
	else
		atomic_fetch_add(&x2, chosen);
	return NULL;
}

int main(void)
{
	pthread_t a, b;
	int r0, r1;

	pthread_create(&a, NULL, t1, NULL);
	pthread_create(&b, NULL, t2, NULL);
	r0 = atomic_load(&x0);
	r1 = atomic_load(&x0);
	pthread_join(b, NULL);
	pthread_join(a, NULL);
	assert(!(r0 == 1 && r1 == 0));
	assert(!(r0 == 0 && r1 == 1 && chosen == 1));
	return 0;
}
