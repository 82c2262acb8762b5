//! expect: bug exit-status
/* An _Atomic struct of three longs (wider than 16 bytes: the compiler
 * calls libatomic's generic __atomic_load and __atomic_store, which
 * ThreadSanitizer's instrumentation leaves alone) updated by a load and a
 * store: two workers' updates can be lost.  weft saw no step and verified
 * it; now the generic calls are steps (src/tsan/atomic_generic.c).
 * atomic_wide_ok.c updates it with a compare-exchange loop. */
#include <pthread.h>
#include <stdatomic.h>

struct triple {
	long a, b, c;
};
static _Atomic struct triple total;

static void *worker(void *arg)
{
	(void)arg;
	struct triple old = atomic_load(&total), neu;
#ifdef OK
	do {
		neu = (struct triple){ old.a + 1, old.b + 2, old.c + 3 };
	} while (!atomic_compare_exchange_weak(&total, &old, neu));
#else
	neu = (struct triple){ old.a + 1, old.b + 2, old.c + 3 };
	atomic_store(&total, neu);
#endif
	return NULL;
}

int main(void)
{
	pthread_t t[2];
	struct triple end;

	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, worker, NULL);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	end = atomic_load(&total);
	return end.a == 2 && end.b == 4 && end.c == 6 ? 0 : 1;
}
