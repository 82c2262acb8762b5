//! expect: verified
/* held_at_end_bug.c with every lock let go before the return or the
 * kfree. */
#define UNLOCK(unlock, l) unlock(l)
#include "held_at_end_bug.c"
