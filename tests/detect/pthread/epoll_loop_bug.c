//! expect: bug data-race
//! args: --strategy=dfs
/* epoll_loop_ok.c with the eventfd signalled before the item is stored:
 * the loop's read of the item races with the store. */
#define SIGNAL_FIRST
#include "epoll_loop_ok.c"
