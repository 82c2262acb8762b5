//! expect: verified unexplored=none
//! args: --strategy=dfs
/* sc_load_early_bug.c with the flag released and acquired: the store of
 * data happens before the load, which must read it. */
#define PUB memory_order_release
#define SUB memory_order_acquire
#include "sc_load_early_bug.c"
