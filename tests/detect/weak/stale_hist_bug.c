//! expect: verified unexplored=hist_unexplored
//! args: --strategy=dfs
/* Message passing with a relaxed flag, where the writer stores the state
 * word nine times (its initialisation to 1, then eight progress updates)
 * before raising the flag.  Nothing orders the reader's load of state
 * after any of those stores, so C11 lets it read the initial 0 (an
 * uninitialised object) after seeing the flag.  weft keeps the last 8
 * stores of a location (WEFT__WK_HIST in src/tsan/weak.h) and drops the
 * older ones from what a load may read, so the 0 is never readable and
 * the program was verified "every interleaving (no bound needed)".  With
 * N=7 (8 stores counting the initial one) the bug is found.
 * weft still keeps 8, but its verdict is now qualified by the clause
 * "without reads of stores older than the last 8 to one location",
 * which this test checks.  stale_hist_ok.c publishes with
 * release/acquire. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef N
#define N 9
#endif
#ifndef PUB
#define PUB memory_order_relaxed
#define SUB memory_order_relaxed
#endif

static atomic_int state, ready;

static void *writer(void *arg)
{
	(void)arg;
	for (int i = 1; i <= N; i++)
		atomic_store_explicit(&state, i, memory_order_relaxed);
	atomic_store_explicit(&ready, 1, PUB);
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
	if (atomic_load_explicit(&ready, SUB))
		assert(atomic_load_explicit(&state, memory_order_relaxed) != 0);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, writer, NULL);
	pthread_create(&b, NULL, reader, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	return 0;
}
