//! expect: bug use-after-free
//! args: --strategy=dfs
/* counter(9): a counter is allocated memory.  A detach frees its
 * statistics counter while the transmit thread may still count into it;
 * the twin (counter_free_ok.c) joins the thread first. */
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/kernel.h>
#include <sys/malloc.h>
#include <sys/counter.h>

static counter_u64_t tx_packets;

static void tx(void *arg)
{
	(void)arg;
	counter_enter();
	counter_u64_add_protected(tx_packets, 1);
	counter_exit();
}

WEFT_TEST(counter_free)
{
	weft_thread_t t;

	tx_packets = counter_u64_alloc(M_WAITOK);
	counter_u64_zero(tx_packets);
	t = weft_spawn(tx, NULL);
#ifdef FIXED
	weft_join(t);
	weft_assert(counter_u64_fetch(tx_packets) == 1);
	counter_u64_free(tx_packets);
#else
	counter_u64_free(tx_packets);
	weft_join(t);
#endif
}
