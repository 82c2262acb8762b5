//! expect: verified
//! args: --strategy=dfs
/* The twin of libc_buf_bug.c: every call in one thread and the plain
 * accesses that race with them there in another, each side under one
 * lock. */
#define LOCKED
#include "libc_buf_bug.c"
