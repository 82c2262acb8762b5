//! expect: verified unexplored=co_unexplored
//! args: --strategy=dfs
/* A shutdown handshake (Dekker-style) that "reads the latest value" with a
 * read-modify-write that leaves it unchanged: each side announces itself
 * with a seq_cst store, then peeks at the other's flag with
 * atomic_fetch_or(.., 0, acquire).  An RMW reads the latest store in the
 * location's modification order, but C11 lets that order put the worker's
 * fetch_or on stop before the closer's store of stop (and the closer's
 * fetch_or on busy before the worker's store of busy): both read 0, the
 * closer frees and the worker uses (SB; the RMWs are not seq_cst, so no
 * total order forbids it; POWER, where the peek is a lwarx/stwcx. loop
 * with no sync before it, shows it).
 * weft verified it "every interleaving (no bound needed)": an RMW that
 * leaves the value unchanged and does not release is recorded as a read
 * only, so the order of it and the other thread's store is never flagged
 * (with fetch_or(.., 1) the same program gets the 2+2W clause).  Built
 * with WEFT_CC=clang it is reported (use-after-free): LLVM itself turns
 * the non-releasing fetch_or(.., 0) into a plain acquire load, which it
 * may do precisely because C11 allows this outcome.
 * weft does not explore the other order of the two stores; since the RMW
 * is recorded as a store its verdict is qualified by the 2+2W clause,
 * which this test checks.  noop_rmw_sb_ok.c makes the peeks seq_cst. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#ifndef PEEK
#define PEEK memory_order_acquire
#endif

static atomic_int busy, stop;
static int *resource;

static void *worker(void *arg)
{
	(void)arg;
	atomic_store(&busy, 1);
	if (atomic_fetch_or_explicit(&stop, 0, PEEK))
		return NULL;
	*resource += 1;
	return NULL;
}

static void *closer(void *arg)
{
	(void)arg;
	atomic_store(&stop, 1);
	if (!atomic_fetch_or_explicit(&busy, 0, PEEK)) {
		free(resource);
		resource = NULL;
	}
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	resource = calloc(1, sizeof *resource);
	pthread_create(&a, NULL, worker, NULL);
	pthread_create(&b, NULL, closer, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	free(resource);
	return 0;
}
