//! expect: verified
//! args: --strategy=dfs
/* The twin of refcount_bug.c with acq_rel decrements: the last one
 * acquires every earlier one's release, so the free comes after the other
 * thread's write. */
#define PUT memory_order_acq_rel
#include "refcount_bug.c"
