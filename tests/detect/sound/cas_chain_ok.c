//! expect: verified
//! args: --strategy=dfs
/* The twin of cas_chain_bug.c: the chain only ever advances by one, so x
 * ends equal to the number of successful compare-exchanges. */
#define CHAIN_OK 1
/* WEFT_TEST( is defined in the included file. */
#include "cas_chain_bug.c"
