// A seqcount_spinlock_t names the lock its writers hold, and lockdep
// asserts they do (write_seqcount_begin's lockdep_assert_held).  A writer
// without it was verified, the seqcount treated as one of its own (a
// helper's probe).  The correct twin writes under the lock; the raw form
// does not check, as in the kernel.
//! expect: bug misuse
#include <linux/seqlock.h>
#include <linux/spinlock.h>

static DEFINE_SPINLOCK(l);
static DEFINE_SPINLOCK(l2);
static seqcount_spinlock_t sc;
static seqcount_spinlock_t sc2 = SEQCNT_SPINLOCK_ZERO(sc2, &l2);
static int x;

WEFT_TEST(seqcount_assoc)
{
	seqcount_spinlock_init(&sc, &l);
#ifdef OK
	spin_lock(&l);
#else
	preempt_disable();
#endif
	write_seqcount_begin(&sc);
	x++;
	write_seqcount_end(&sc);
#ifdef OK
	spin_unlock(&l);
#else
	preempt_enable();
#endif
	spin_lock(&l2);
	write_seqcount_begin(&sc2);
	x++;
	write_seqcount_end(&sc2);
	spin_unlock(&l2);
	preempt_disable();
	raw_write_seqcount_begin(&sc2);
	x++;
	raw_write_seqcount_end(&sc2);
	preempt_enable();
}
