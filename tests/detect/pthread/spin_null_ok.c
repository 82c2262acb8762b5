//! expect: verified
//! args: --strategy=dfs
/* spin_null_bug.c setting the lock's pointer before starting the worker. */
#define SPIN_NULL_OK
#include "spin_null_bug.c"
