//! expect: bug data-race
//! args: --strategy=dfs
/* Two threads' lsearch on one state (libc_reent_bug.c). */
#define CALL 3
#include "libc_reent_bug.c"
