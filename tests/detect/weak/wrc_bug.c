//! expect: bug assertion
//! args: --strategy=dfs
/* The twin of wrc_ok.c publishing y relaxed: t3's read of x is ordered
 * after nothing t2 saw. */
#define PUB memory_order_relaxed
#define SUB memory_order_relaxed
#include "wrc_ok.c"
