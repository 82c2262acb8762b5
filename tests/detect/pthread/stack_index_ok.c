//! expect: verified
//! args: --strategy=dfs
/* The correct twin of stack_index_bug.c: the taker indexes with the value
 * it checked, not the counter read again. */
#define STACK_INDEX_OK
#include "stack_index_bug.c"
