//! expect: verified
//! args: --strategy=dfs
/* The twin of libc_out_bug.c: every call in one thread and the plain
 * reads of what they fill in another, each side under one lock. */
#define LOCKED
#include "libc_out_bug.c"
