//! expect: verified
//! args: --strategy=dfs
/* The twin of double_read_bug.c: the reader loads "told" with acquire, so
 * once it sees it, the writer's earlier store of the flag happens before
 * both of its loads and neither can miss it. */
#define ORD memory_order_acquire
#include "double_read_bug.c"
