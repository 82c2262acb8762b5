//! expect: bug data-race
//! args: --strategy=dfs
/* strftime against a plain access of another thread (libc_mem_bug.c). */
#define CALL 2
#include "libc_mem_bug.c"
