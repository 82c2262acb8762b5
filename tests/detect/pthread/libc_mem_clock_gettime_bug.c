//! expect: bug data-race
//! args: --strategy=dfs
/* clock_gettime against a plain access of another thread (libc_mem_bug.c). */
#define CALL 4
#include "libc_mem_bug.c"
