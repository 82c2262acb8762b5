//! expect: bug data-race
//! args: --strategy=dfs
/* localtime_r against a plain access of another thread (libc_mem_bug.c). */
#define CALL 3
#include "libc_mem_bug.c"
