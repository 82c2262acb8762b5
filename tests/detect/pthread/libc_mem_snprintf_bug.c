//! expect: bug data-race
//! args: --strategy=dfs
/* snprintf against a plain access of another thread (libc_mem_bug.c). */
#define CALL 6
#include "libc_mem_bug.c"
