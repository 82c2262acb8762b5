//! expect: verified
//! args: --strategy=dfs
/* lock_null_bug.c with the mutex published before the worker starts. */
#define LOCK_NULL_OK 1
#include "lock_null_bug.c"
