//! expect: bug data-race
//! args: --strategy=dfs
/* strcasecmp against a plain access of another thread (libc_mem_bug.c). */
#define CALL 5
#include "libc_mem_bug.c"
