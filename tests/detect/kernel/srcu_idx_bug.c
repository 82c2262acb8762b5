// srcu_read_unlock with the other index than its section's srcu_read_lock
// returned: the kernel counts the unlock on the wrong side, so the
// section's own side never balances (a later synchronize_srcu hangs) and
// the other side balances early (a grace period may end under another
// reader).  Only indices other than 0 and 1 were checked: verified (a
// probe of kernel driver patterns).  srcu_idx_ok.c passes idx back.
//! expect: bug misuse
#include <linux/srcu.h>

DEFINE_STATIC_SRCU(s);

WEFT_TEST(srcu_idx)
{
	int idx = srcu_read_lock(&s);
	/* Nested sections return their own index, which their unlocks
	 * take; out of order is allowed. */
	int in = srcu_read_lock(&s);

	srcu_read_unlock(&s, idx);
#ifdef OK
	srcu_read_unlock(&s, in);
#else
	srcu_read_unlock(&s, !in);
#endif
	synchronize_srcu(&s);
}
