// A seqcount_t has no lock of its own: two writers that do not serialise
// themselves race on the count and on the data.  weft modelled the write
// side as an exclusive lock, so the lost update below was verified.
// seqcount_writers_ok.c serialises the writers with a spinlock.
//! expect: bug misuse
#include <linux/seqlock.h>
#include <linux/spinlock.h>

static seqcount_t seq = SEQCNT_ZERO(seq);
DEFINE_SPINLOCK(writers);
u64 packets;

static void update(void *arg)
{
	(void)arg;
#ifdef SEQCOUNT_WRITERS_OK
	spin_lock(&writers);
#endif
	write_seqcount_begin(&seq);
	packets++;
	write_seqcount_end(&seq);
#ifdef SEQCOUNT_WRITERS_OK
	spin_unlock(&writers);
#endif
}

WEFT_TEST(seqcount_writers)
{
	weft_thread_t t = weft_spawn(update, NULL);

	update(NULL);
	weft_join(t);
	weft_assert(packets == 2);
}
