//! expect: verified
//! args: --strategy=dfs
/* Coherence through happens-before (a tester's program): a worker polls a
 * relaxed stop flag until it sees it set; main joins the worker and then
 * reads the flag.  The worker's read happens before main's, so main may
 * not read an older store than the worker did (CoRR through hb).  weft
 * reported the assertion: each thread's coherence was its own.
 * join_coherence_bug.c reads before the join. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int stop;

static void *ctrl(void *arg)
{
	(void)arg;
	atomic_store_explicit(&stop, 1, memory_order_relaxed);
	return NULL;
}

static void *worker(void *arg)
{
	(void)arg;
	while (!atomic_load_explicit(&stop, memory_order_relaxed))
		;
	return NULL;
}

int main(void)
{
	pthread_t c, w;

	pthread_create(&c, NULL, ctrl, NULL);
	pthread_create(&w, NULL, worker, NULL);
#ifndef EARLY
	pthread_join(w, NULL);
#endif
	assert(atomic_load_explicit(&stop, memory_order_relaxed) == 1);
#ifdef EARLY
	pthread_join(w, NULL);
#endif
	pthread_join(c, NULL);
	return 0;
}
