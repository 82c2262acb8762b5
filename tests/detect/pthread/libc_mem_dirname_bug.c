//! expect: bug data-race
//! args: --strategy=dfs
/* dirname against a plain access of another thread (libc_mem_bug.c). */
#define CALL 1
#include "libc_mem_bug.c"
