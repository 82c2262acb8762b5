// srcu_idx_shared_bug.c with the index on each reader's stack.
//! expect: verified
#define OK
#include "srcu_idx_shared_bug.c"
