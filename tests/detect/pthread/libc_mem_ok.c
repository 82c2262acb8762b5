//! expect: verified
//! args: --strategy=dfs
/* The twin of libc_mem_bug.c: the calls and the plain accesses take one
 * lock, for each call in turn (the other twins' CALL). */
#define LOCKED
#include "libc_mem_bug.c"
