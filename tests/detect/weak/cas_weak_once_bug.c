//! expect: bug assertion
//! args: --strategy=dfs
/* Two threads race to claim a flag, each with one compare_exchange_weak
 * and no retry loop: a weak exchange may fail although the flag is still
 * 0 (C11 7.17.7.4; on a load-linked/store-conditional machine, a lost
 * reservation), so both may fail and nobody claims it.  weft never failed
 * one spuriously and verified this program.  A weak exchange that would
 * succeed now also fails spuriously, as a choice of its step, once per
 * thread in an execution.  cas_weak_loop_ok.c retries, as it should. */
#include <assert.h>
#include <pthread.h>
#include <stdatomic.h>

static atomic_int claimed;
static atomic_int winners;

static void *claim(void *arg)
{
	int expected = 0;

	(void)arg;
	if (atomic_compare_exchange_weak(&claimed, &expected, 1))
		atomic_fetch_add(&winners, 1);
	return NULL;
}

int main(void)
{
	pthread_t a, b;

	pthread_create(&a, NULL, claim, NULL);
	pthread_create(&b, NULL, claim, NULL);
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	assert(atomic_load(&winners) == 1);
	return 0;
}
