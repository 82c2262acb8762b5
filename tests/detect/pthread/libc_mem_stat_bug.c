//! expect: bug data-race
//! args: --strategy=dfs
/* stat against a plain access of another thread (libc_mem_bug.c). */
#define CALL 7
#include "libc_mem_bug.c"
