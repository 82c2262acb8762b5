//! expect: verified
//! args: --strategy=dfs
/* rwlock_destroy_held_bug.c with the reader joined before the destroy. */
#define RWLOCK_DESTROY_OK
#include "rwlock_destroy_held_bug.c"
