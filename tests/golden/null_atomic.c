//! needs: pthread
//! args: --strategy=dfs
/* Pins the report of a crash in weft's model of a call on the program's
 * null pointer (an atomic store through NULL): placed at the program's
 * line, the model's code after it, and the object named NULL.  It was
 * placed "at weak_table.c:190 in mem_value", on "atomic@1" (found by a
 * probe of GenMC's tests). */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

static _Atomic(atomic_int *) p;

static void *setter(void *arg)
{
	(void)arg;
	atomic_store(&p, malloc(sizeof(atomic_int)));
	return NULL;
}

static void *user(void *arg)
{
	atomic_int *a = atomic_load_explicit(&p, memory_order_acquire);

	(void)arg;
	atomic_store_explicit(a, 42, memory_order_relaxed); /* a may be NULL */
	return NULL;
}

int main(void)
{
	pthread_t t1, t2;

	pthread_create(&t1, NULL, setter, NULL);
	pthread_create(&t2, NULL, user, NULL);
	pthread_join(t1, NULL);
	pthread_join(t2, NULL);
	free(atomic_load(&p));
	return 0;
}
