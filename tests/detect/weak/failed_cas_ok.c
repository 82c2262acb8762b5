//! expect: verified
//! args: --strategy=dfs
/* failed_cas_bug.c with the flag published seq_cst: the reader that sees
 * it sees the payload, whatever the failed compare-exchange did. */
#define PUB memory_order_seq_cst
#include "failed_cas_bug.c"
