//! expect: bug data-race
//! args: --strategy=dfs --stale-bound=2
/* The twin of ttas_bounded_ok.c unlocking with a relaxed store: the next
 * holder's acquire exchange synchronises with nothing, and the counter's
 * increments race. */
#define UNLOCK memory_order_relaxed
#include "ttas_bounded_ok.c"
