// srcu_idx_bug.c with each unlock given its lock's index.
//! expect: verified
#define OK
#include "srcu_idx_bug.c"
