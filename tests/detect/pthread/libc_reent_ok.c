//! expect: verified
//! args: --strategy=dfs
/* The twin of libc_reent_bug.c: both threads make every call, each
 * thread under one lock. */
#define LOCKED
#include "libc_reent_bug.c"
