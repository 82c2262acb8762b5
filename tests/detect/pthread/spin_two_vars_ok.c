//! expect: verified
//! args: --strategy=dfs
/* A waiter spins until either of two atomics is cleared, reading both in
 * every round; a setter clears one.  A round that reads the same two
 * values again saw nothing new: the waiter is spinning, and fair
 * scheduling lets the setter run (the waiter's polls alternate between
 * the two objects, so remembering only the last one polled never saw the
 * repeat, and every execution ran into the step limit).  The buggy twin,
 * spin_two_vars_bug.c, is a real livelock polling two variables. */
#include <pthread.h>
#include <stdatomic.h>

static atomic_int a = 1, b = 1;

static void *waiter(void *arg)
{
	(void)arg;
	while (atomic_load(&a) && atomic_load(&b))
		;
	return NULL;
}

static void *setter(void *arg)
{
	(void)arg;
	atomic_store(&a, 0);
	return NULL;
}

int main(void)
{
	pthread_t w, s;

	pthread_create(&w, NULL, waiter, NULL);
	pthread_create(&s, NULL, setter, NULL);
	pthread_join(w, NULL);
	pthread_join(s, NULL);
	return 0;
}
