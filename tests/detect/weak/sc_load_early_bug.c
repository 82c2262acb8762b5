//! expect: verified unexplored=sc_unexplored
//! args: --strategy=dfs
/* Lazy publication with the payload stored and loaded seq_cst but the flag
 * relaxed ("the data accesses are seq_cst, so they are ordered").  Nothing
 * puts the reader's seq_cst load of data after the writer's seq_cst store
 * of it in S: the relaxed flag gives no happens-before, so C11 (and RC11)
 * allow S to order the load first, and it reads 0 after the flag's 1
 * (POWER and ARMv8 let the relaxed flag store overtake the seq_cst data
 * store).  weft verified it "every interleaving (no bound needed)", with
 * no note: its seq_cst load always reads the last seq_cst store in the
 * interleaving or a later one (weak.c says so in a comment only), and
 * unexplored.def has no clause for it.  sc_load_early_ok.c publishes the
 * flag with release/acquire.  sc_fence_early_bug.c is the same with a
 * seq_cst fence before a relaxed load of the payload.  weft does not
 * explore the earlier place in S; its verdict is now qualified by the
 * seq_cst clause, which this test checks. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

#ifndef PUB
#define PUB memory_order_relaxed
#define SUB memory_order_relaxed
#endif

static atomic_int data, flag;

static void *writer(void *arg)
{
	(void)arg;
	atomic_store_explicit(&data, 1, memory_order_seq_cst);
	atomic_store_explicit(&flag, 1, PUB);
	return NULL;
}

static void *reader(void *arg)
{
	(void)arg;
	if (atomic_load_explicit(&flag, SUB)) {
#ifdef FENCE
		atomic_thread_fence(memory_order_seq_cst);
		assert(atomic_load_explicit(&data, memory_order_relaxed) == 1);
#else
		assert(atomic_load_explicit(&data, memory_order_seq_cst) == 1);
#endif
	}
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
